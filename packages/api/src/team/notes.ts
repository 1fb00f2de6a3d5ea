/**
 * Internal notes: the team's remarks inside a conversation. They live in their own table, so
 * nothing that reads messages (the thread, search, previews, counters, notifications, exports)
 * can show them to a resident.
 */
import { TRPCError } from "@trpc/server";
import { lockConversation, publishLiveEvent } from "../realtime/hub";
import {
  addWatcher,
  handledConversation,
  type MemberContext,
  teamRecipients,
} from "./handled-conversation";

export interface NoteDraft {
  clientId: string;
  body: string;
}

/** The conversation's notes, oldest first, with their authors. */
export async function listNotes(ctx: MemberContext, conversationId: string) {
  await handledConversation(ctx, conversationId);
  return ctx.db
    .selectFrom("conversation_notes as n")
    .leftJoin("users as a", "a.id", "n.author_id")
    .select([
      "n.id",
      "n.body",
      "n.author_id as authorId",
      "a.display_name as authorName",
      "n.client_id as clientId",
      "n.created_at as createdAt",
    ])
    .where("n.conversation_id", "=", conversationId)
    .where("n.organization_id", "=", ctx.organizationId)
    .orderBy("n.id")
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, id: Number(row.id) })));
}

/**
 * Adds a note; its author joins the conversation if they were not in it. A retry with the same
 * client id returns the note written the first time.
 */
export async function addNote(ctx: MemberContext, conversationId: string, draft: NoteDraft) {
  await handledConversation(ctx, conversationId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockConversation(trx, conversationId);
    const written = await trx
      .insertInto("conversation_notes")
      .values({
        organization_id: ctx.organizationId,
        conversation_id: conversationId,
        author_id: ctx.user.id,
        client_id: draft.clientId,
        body: draft.body,
        created_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.columns(["author_id", "client_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!written) {
      const earlier = await trx
        .selectFrom("conversation_notes")
        .select(["id", "conversation_id"])
        .where("author_id", "=", ctx.user.id)
        .where("client_id", "=", draft.clientId)
        .executeTakeFirstOrThrow();
      if (earlier.conversation_id !== conversationId)
        throw new TRPCError({
          code: "CONFLICT",
          message: "clientId: This id was already used for another note.",
        });
      return { id: Number(earlier.id), created: false };
    }
    await addWatcher(trx, ctx.organizationId, conversationId, ctx.user.id);
    await publishLiveEvent(trx, {
      type: "team",
      change: "note",
      conversationId,
      recipients: await teamRecipients(trx, conversationId),
    });
    return { id: Number(written.id), created: true };
  });
}
