import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root, where `.data/` lives. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Where local data lives (embedded Postgres, uploads); `.data/` in the repository by default. */
  HEARTH_DATA_DIR: z.string().min(1).optional(),
});

/** The database settings of the db tooling, read once and validated. */
export const dbEnv = schema.parse(process.env);

/** The folder for local data. */
export const dataDir = dbEnv.HEARTH_DATA_DIR
  ? path.resolve(dbEnv.HEARTH_DATA_DIR)
  : path.join(repoRoot, ".data");
