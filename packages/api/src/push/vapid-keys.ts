/** The VAPID key pair: made by the first process that needs it, kept in the database for all. */
import type { Database, Kysely } from "@hearth/db";
import webPush from "web-push";
import { z } from "zod";

export interface VapidKeys {
  /** URL-safe base64, as `pushManager.subscribe({ applicationServerKey })` takes it. */
  publicKey: string;
  privateKey: string;
}

const KEY_NAME = "vapid";
const stored = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) });

async function readKeys(db: Kysely<Database>): Promise<VapidKeys | undefined> {
  const row = await db
    .selectFrom("signing_keys")
    .select("secret")
    .where("name", "=", KEY_NAME)
    .executeTakeFirst();
  return row ? stored.parse(JSON.parse(row.secret)) : undefined;
}

/**
 * The organization-wide keys, generated on first use. Two processes racing both insert; the
 * first insert wins and both read the winner, so every push is signed with the same keys.
 */
export async function vapidKeys(db: Kysely<Database>): Promise<VapidKeys> {
  const existing = await readKeys(db);
  if (existing) return existing;
  const made = webPush.generateVAPIDKeys();
  await db
    .insertInto("signing_keys")
    .values({ name: KEY_NAME, secret: JSON.stringify(made) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const kept = await readKeys(db);
  if (!kept) throw new Error("The VAPID keys could not be stored.");
  return kept;
}
