import { TRPCError } from "@trpc/server";
import { requireParticipation } from "../messaging/access";
import { joinFromTeamInbox, type MemberContext } from "./handled-conversation";

/**
 * The conversation as its participant sees it; a manager who may handle it for the team and is
 * not in it yet joins it first (as a watcher). Anyone else gets "not found".
 */
export async function requireReadableConversation(ctx: MemberContext, conversationId: string) {
  try {
    return await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  } catch (error) {
    const mayJoin =
      error instanceof TRPCError && error.code === "NOT_FOUND" && ctx.user.kind === "manager";
    if (!mayJoin || !(await joinFromTeamInbox(ctx, conversationId))) throw error;
    return requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  }
}
