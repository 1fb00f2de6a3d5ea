import { z } from "zod";

const schema = z.object({
  MANAGER_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RESIDENT_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  LOG_LEVEL: z.string().default("info"),
});

/** The dev launcher's settings, read once. */
export const launcherEnv = schema.parse(process.env);
