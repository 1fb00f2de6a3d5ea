import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStorage } from "./storage";

const KEY_PATTERN = /^[0-9a-f-]{36}$/;

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === "ENOENT";
}

/**
 * Files on the local disk, one per random key in `dir` (by default `.data/uploads`). Keys are
 * checked before they become paths, so a key from the database can never reach outside `dir`.
 */
export function createLocalStorage(dir: string): FileStorage {
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`Not a local storage key: ${key}`);
    return path.join(dir, key);
  };
  return {
    async put({ bytes }) {
      await mkdir(dir, { recursive: true });
      const key = randomUUID();
      // A temporary name first, so a reader never sees half a file.
      const partial = path.join(dir, `${key}.partial`);
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, pathOf(key));
      return { key };
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
  };
}
