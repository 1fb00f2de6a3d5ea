import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MANAGER_URL: z.string().url().default("http://localhost:3000"),
  RESIDENT_URL: z.string().url().default("http://localhost:3001"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Hearth <no-reply@hearth.local>"),
  /** Secure cookies; on by default in production. */
  SESSION_SECURE: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  /**
   * Addresses of the reverse proxies in front of the app, comma-separated. Only a request from
   * one of them has its X-Forwarded-For believed; by default none is, and the socket decides.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
});

export type ServerEnv = z.infer<typeof schema>;

/** The API's environment, read once and validated; nothing else in the API reads process.env. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
