import { type Database, isoDay, type Kysely } from "@hearth/db";
import type { ConversationFacts } from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { attachToMessage } from "../data/attachments";
import {
  addParticipants,
  findExistingConversation,
  insertConversation,
  lockConversation,
  lockConversationStart,
} from "../data/conversations";
import { residentsWithActiveLease } from "../data/leases";
import { conversationOfClientId, writeMessage } from "../data/messages";
import { loadNamedParties } from "../policy/facts";
import { enforce, type PolicyScope } from "../policy/gateway";
import { FieldProblems } from "../trpc";
import { enforceDraft, type MessageDraft, mentionsIn } from "./send";

export type StartTarget =
  | { kind: "direct"; recipientId: string }
  | { kind: "unit_group"; unitId: string }
  | { kind: "team"; recipientIds: string[]; title?: string | undefined };

type MemberContext = Context & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** The residents of a unit whose lease is active today: a unit group chat's members. */
async function currentResidentsOf(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
  today: string,
): Promise<string[]> {
  const residents = await residentsWithActiveLease(db, organizationId, unitId, today);
  if (!residents)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "unitId: No such unit in your organization.",
    });
  return residents;
}

/**
 * Starts a conversation (or continues the one these people already have) with a first message.
 * The policy decides who may start what with whom, and whom the message may @-mention; nothing is
 * written when it refuses.
 */
export async function startConversation(
  ctx: MemberContext,
  scope: PolicyScope,
  target: StartTarget,
  draft: MessageDraft,
  attachmentIds: readonly string[] = [],
) {
  const today = isoDay(scope.now, scope.org.timezone);
  const recipientIds =
    target.kind === "direct"
      ? [target.recipientId]
      : target.kind === "unit_group"
        ? await currentResidentsOf(ctx.db, ctx.organizationId, target.unitId, today)
        : target.recipientIds;
  const unique = [...new Set(recipientIds)].filter((id) => id !== ctx.user.id);
  if (unique.length === 0) {
    const [field, problem] =
      target.kind === "unit_group"
        ? [
            "unitId",
            `Nobody in this unit can receive messages: no ${scope.policy.profile.vocabulary.resident.one} has an active lease.`,
          ]
        : ["recipientIds", "Choose at least one person."];
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: problem,
      cause: new FieldProblems({ [field]: [problem] }),
    });
  }
  const memberIds = [ctx.user.id, ...unique];
  const people = await loadNamedParties(
    ctx.db,
    ctx.organizationId,
    memberIds,
    scope.now,
    scope.org.timezone,
  );
  const recipients = unique.map((id) => people.get(id)?.party);
  if (recipients.some((party) => party === undefined))
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "No such person in your organization.",
      cause: new FieldProblems({ recipientIds: ["No such person in your organization."] }),
    });
  enforce(
    scope.policy.startConversation({
      org: scope.orgFacts,
      actor: scope.actor,
      kind: target.kind,
      recipients: recipients.filter((party) => party !== undefined),
    }),
  );
  const conversation: ConversationFacts = {
    kind: target.kind,
    noReply: false,
    createdByKind: scope.actor.kind,
    participants: [...people.values()].map((person) => person.party),
  };
  enforceDraft(scope, draft, conversation);
  if (attachmentIds.length > 0) enforce(scope.policy.attachFile({ actor: scope.actor }));
  const mentioned = mentionsIn(scope, draft.body, conversation, [...people.values()]);

  const unitId = target.kind === "unit_group" ? target.unitId : null;
  return ctx.db.transaction().execute(async (trx) => {
    const retried = await conversationOfClientId(trx, ctx.user.id, draft.clientId);
    if (retried) return { conversationId: retried, created: false };
    const key = { organizationId: ctx.organizationId, kind: target.kind, memberIds, unitId };
    await lockConversationStart(trx, key);
    let conversationId = await findExistingConversation(
      trx,
      ctx.organizationId,
      target.kind,
      memberIds,
      unitId,
    );
    if (conversationId) await lockConversation(trx, conversationId);
    else
      conversationId = await insertConversation(trx, {
        organizationId: ctx.organizationId,
        kind: target.kind,
        title: target.kind === "team" ? (target.title ?? null) : null,
        unitId,
        maintenanceRequestId: null,
        createdBy: ctx.user.id,
        at: scope.now,
      });
    await addParticipants(trx, ctx.organizationId, conversationId, memberIds);
    const written = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId: ctx.user.id,
      clientId: draft.clientId,
      body: draft.body,
      type: draft.type,
      priority: draft.priority,
      sentAt: ctx.clock.now(),
      readBy: [ctx.user.id],
      mentions: { userIds: mentioned, by: ctx.user.displayName },
      signed: scope.policy.useSignature({ actor: scope.actor }).allowed,
    });
    if (written.created)
      await attachToMessage(
        trx,
        { organizationId: ctx.organizationId, senderId: ctx.user.id, messageId: written.id },
        attachmentIds,
      );
    return { conversationId, created: written.created };
  });
}
