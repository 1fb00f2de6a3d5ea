import { z } from "zod";
import { enforce, policyScope } from "../policy/gateway";
import { assignConversation } from "../team/assign";
import { assignableManagers } from "../team/assignees";
import { setConversationClosed } from "../team/closing";
import { addNote, listNotes } from "../team/notes";
import { announcePresence } from "../team/presence";
import { memberProcedure, router } from "../trpc";

const id = z.string().uuid();

/** The shared team inbox: who handles what, internal notes, closing, and who is active where. */
export const teamRouter = router({
  /** The managers a conversation may be assigned to. */
  assignees: memberProcedure.query(async ({ ctx }) => {
    const scope = await policyScope(ctx);
    enforce(scope.policy.useTeamInbox({ actor: scope.actor }));
    return assignableManagers(ctx.db, ctx.organizationId, scope);
  }),

  /** Assigns the conversation to a manager, or to nobody (`assigneeId: null`). */
  assign: memberProcedure
    .input(z.strictObject({ id, assigneeId: id.nullable() }))
    .mutation(({ ctx, input }) => assignConversation(ctx, input.id, input.assigneeId)),

  /** Closes the conversation as handled, or reopens it. */
  setClosed: memberProcedure
    .input(z.strictObject({ id, closed: z.boolean() }))
    .mutation(({ ctx, input }) => setConversationClosed(ctx, input.id, input.closed)),

  /** The conversation's internal notes, oldest first: the team's only. */
  notes: memberProcedure
    .input(z.strictObject({ id }))
    .query(({ ctx, input }) => listNotes(ctx, input.id)),

  /** Adds an internal note; a retry with the same clientId never makes a second one. */
  addNote: memberProcedure
    .input(
      z.strictObject({
        conversationId: id,
        clientId: z.string().trim().min(8, "Use at least 8 characters").max(100),
        body: z
          .string()
          .trim()
          .min(1, "Write a note")
          .max(20_000, "Notes are at most 20,000 characters"),
      }),
    )
    .mutation(({ ctx, input }) =>
      addNote(ctx, input.conversationId, { clientId: input.clientId, body: input.body }),
    ),

  /** Tells the others in the conversation that the caller has it open, or is typing. */
  presence: memberProcedure
    .input(z.strictObject({ id, state: z.enum(["viewing", "typing"]) }))
    .mutation(({ ctx, input }) => announcePresence(ctx, input.id, input.state)),
});
