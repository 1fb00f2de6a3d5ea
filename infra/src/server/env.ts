import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const schema = z.object({
  MANAGER_PORT: port(3000),
  RESIDENT_PORT: port(3001),
  /** Loopback unless told otherwise (a container sets 0.0.0.0). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Which apps this process serves: both by default, or one to scale them apart. */
  APPS: z
    .string()
    .default("manager,resident")
    .transform((list) => list.split(",").map((name) => name.trim()))
    .pipe(z.array(z.enum(["manager", "resident"])).min(1)),
  /** `off` when the job worker runs as its own process (infra/src/worker.ts). */
  WORKER: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ServeEnv = z.infer<typeof schema>;

/** The production server's own settings; the API reads the rest (DATABASE_URL, SMTP_URL …). */
export function readServeEnv(source: NodeJS.ProcessEnv = process.env): ServeEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
