/** A person's push subscriptions: saved from the settings page, removed there or when gone. */
import type { Database, Kysely } from "@hearth/db";
import { sql } from "@hearth/db";

export interface SubscriptionToSave {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Saves this browser's subscription for the person. The endpoint identifies the browser, so one
 * already saved (this person's or whoever used the browser before) is taken over with new keys.
 */
export async function saveSubscription(
  db: Kysely<Database>,
  person: { userId: string; organizationId: string },
  subscription: SubscriptionToSave,
): Promise<void> {
  await db
    .insertInto("push_subscriptions")
    .values({
      organization_id: person.organizationId,
      user_id: person.userId,
      endpoint: subscription.endpoint,
      p256dh: subscription.p256dh,
      auth: subscription.auth,
    })
    .onConflict((oc) =>
      oc.column("endpoint").doUpdateSet({
        organization_id: person.organizationId,
        user_id: person.userId,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
        created_at: sql`now()`,
      }),
    )
    .execute();
}

/** Removes the person's subscription for this endpoint; true when there was one. */
export async function removeSubscription(
  db: Kysely<Database>,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("push_subscriptions")
    .where("user_id", "=", userId)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function hasSubscription(
  db: Kysely<Database>,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("push_subscriptions")
    .select("id")
    .where("user_id", "=", userId)
    .where("endpoint", "=", endpoint)
    .executeTakeFirst();
  return row !== undefined;
}
