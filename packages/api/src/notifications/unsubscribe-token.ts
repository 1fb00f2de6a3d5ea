/** Unsubscribe links: the person's id signed with a key kept in the database (migration 0011). */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Database, Kysely, Transaction } from "@hearth/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function unsubscribeKey(db: Kysely<Database> | Transaction<Database>) {
  const row = await db
    .selectFrom("signing_keys")
    .select("secret")
    .where("name", "=", "unsubscribe")
    .executeTakeFirstOrThrow();
  return row.secret;
}

function signature(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`unsubscribe-email:${userId}`).digest("base64url");
}

/** A token that unsubscribes this person from notification emails, good until the key changes. */
export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${signature(secret, userId)}`;
}

/** The person a token was made for, or null when it was not made with this key. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [userId, given, ...rest] = token.split(".");
  if (!userId || !given || rest.length > 0 || !UUID.test(userId)) return null;
  const expected = Buffer.from(signature(secret, userId));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return userId;
}
