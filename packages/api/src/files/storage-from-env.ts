import path from "node:path";
import { dataDir } from "@hearth/db";
import type { ServerEnv } from "../env";
import { createLocalStorage } from "./local-storage";
import type { FileStorage } from "./storage";
import { createUploadThingStorage } from "./uploadthing-storage";

/** UploadThing when UPLOADTHING_TOKEN is set; otherwise `uploads/` in HEARTH_DATA_DIR or `.data/`. */
export function fileStorageFromEnv(
  env: Pick<ServerEnv, "UPLOADTHING_TOKEN" | "HEARTH_DATA_DIR">,
): FileStorage {
  if (env.UPLOADTHING_TOKEN) return createUploadThingStorage({ token: env.UPLOADTHING_TOKEN });
  return createLocalStorage(path.join(env.HEARTH_DATA_DIR ?? dataDir, "uploads"));
}
