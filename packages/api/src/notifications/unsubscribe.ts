/** Unsubscribing from notification emails with the signed token of an email's link. */
import type { Database, Kysely } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import { savePreferences } from "./preferences";
import { unsubscribeKey, verifyUnsubscribeToken } from "./unsubscribe-token";

const INVALID =
  "This unsubscribe link is not valid. Change your email notifications in your settings.";

export async function unsubscribe(
  db: Kysely<Database>,
  token: string,
): Promise<{ unsubscribed: true; organizationName: string }> {
  const userId = verifyUnsubscribeToken(await unsubscribeKey(db), token);
  if (!userId) throw new TRPCError({ code: "BAD_REQUEST", message: INVALID });
  const person = await db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.organization_id as organizationId", "o.name"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!person?.organizationId) throw new TRPCError({ code: "BAD_REQUEST", message: INVALID });
  await savePreferences(db, { userId, organizationId: person.organizationId }, { email: false });
  return { unsubscribed: true, organizationName: person.name };
}
