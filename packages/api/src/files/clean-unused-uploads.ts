import type { Database, Kysely } from "@hearth/db";
import { takeUnusedUploads } from "../data/attachments";
import type { FileStorage } from "./storage";

/** An upload no message took within a day was abandoned (a closed tab, a cancelled draft). */
export const UNUSED_UPLOAD_TTL_MS = 24 * 3_600_000;

const BATCH = 500;

/**
 * Deletes abandoned uploads: the rows first, then the bytes, so a file is never readable without
 * its row. Bytes whose delete fails are only orphaned, never exposed, since reads go by row.
 */
export async function cleanUnusedUploads(
  deps: { db: Kysely<Database>; files: FileStorage },
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - UNUSED_UPLOAD_TTL_MS);
  let removed = 0;
  for (;;) {
    const keys = await takeUnusedUploads(deps.db, cutoff, BATCH);
    await deps.files.delete(keys);
    removed += keys.length;
    if (keys.length < BATCH) return removed;
  }
}
