/**
 * The organization's reply-to address for the email it sends (digests, email copies): seed 003's
 * "General inbox configured for the space". Changed like the other settings: by whoever may
 * change them, on the locked organization row, versioned and audited.
 */
import type { Database, Kysely } from "@hearth/db";
import { enforce, type PolicyScope } from "../policy/gateway";
import { bumpVersion, lockedOrganization, policyOf } from "./organization-settings";

interface ReplyToContext {
  db: Kysely<Database>;
  clock: { now(): Date };
  organizationId: string;
  user: { id: string };
}

export async function saveReplyTo(
  ctx: ReplyToContext,
  scope: PolicyScope,
  input: { settingsVersion: number; replyTo: string | null },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await lockedOrganization(trx, ctx.organizationId, input.settingsVersion);
    enforce(policyOf(org).policy.changeSettings({ actor: scope.actor }));
    const settingsVersion = await bumpVersion(
      trx,
      ctx.organizationId,
      input.settingsVersion,
      { notification_reply_to: input.replyTo },
      ctx.clock.now(),
    );
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "settings.reply_to_changed",
        target_type: "organization",
        target_id: ctx.organizationId,
        before: JSON.stringify({ replyTo: org.replyTo }),
        after: JSON.stringify({ replyTo: input.replyTo }),
      })
      .execute();
    return { settingsVersion, replyTo: input.replyTo };
  });
}
