import { z } from "zod";
import {
  cancelScheduledMessage,
  changeScheduledMessage,
  listScheduledMessages,
  scheduleMessage,
} from "../messaging/schedule";
import { memberProcedure, router } from "../trpc";
import { bigintId, uuid } from "../validation";
import { draft } from "./conversations";

const YEAR_MS = 366 * 86_400_000;

/** A delivery time: a real date, at most a year ahead (the policy refuses one in the past). */
export const sendAt = z
  .date({ invalid_type_error: "Choose a date and time" })
  .refine((date) => !Number.isNaN(date.getTime()), "Choose a date and time")
  .refine((date) => date.getTime() < Date.now() + YEAR_MS, "Schedule at most a year ahead");

export const scheduledRouter = router({
  /** Schedules a message in a conversation; a retry with the same clientId schedules nothing more. */
  create: memberProcedure
    .input(draft.extend({ conversationId: uuid(), sendAt }))
    .mutation(({ ctx, input }) => {
      const { conversationId, sendAt: at, ...message } = input;
      return scheduleMessage(ctx, conversationId, message, at);
    }),

  /** The caller's scheduled messages, soonest first; in one conversation with `conversationId`. */
  list: memberProcedure
    .input(z.strictObject({ conversationId: uuid().optional() }).default({}))
    .query(({ ctx, input }) => listScheduledMessages(ctx, input.conversationId)),

  /** A new text and/or time for one's scheduled message, until it goes. */
  update: memberProcedure
    .input(
      z
        .strictObject({
          messageId: bigintId(),
          body: draft.shape.body.optional(),
          sendAt: sendAt.optional(),
        })
        .refine((change) => change.body !== undefined || change.sendAt !== undefined, {
          message: "Change the text or the time",
        }),
    )
    .mutation(({ ctx, input }) =>
      changeScheduledMessage(ctx, input.messageId, { body: input.body, sendAt: input.sendAt }),
    ),

  /** Cancels one's scheduled message before it goes. */
  cancel: memberProcedure
    .input(z.strictObject({ messageId: bigintId() }))
    .mutation(({ ctx, input }) => cancelScheduledMessage(ctx, input.messageId)),
});
