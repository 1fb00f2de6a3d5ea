import { messageTypes } from "@hearth/db";
import { leaseStatuses, memberStatuses } from "@hearth/policies";
import { z } from "zod";
import {
  cancelScheduledBroadcast,
  changeScheduledBroadcast,
  listScheduledBroadcasts,
  scheduleBroadcast,
} from "../broadcasts/scheduled-broadcasts";
import { changeAnnouncementPins } from "../messaging/announcement-pins";
import {
  announcementReport,
  remindUnread,
  sentAnnouncements,
} from "../messaging/announcement-report";
import { broadcastComposer, previewBroadcast, sendBroadcast } from "../messaging/broadcast";
import { replyPrivately } from "../messaging/private-reply";
import { policyScope } from "../policy/gateway";
import { managerProcedure, memberProcedure, router } from "../trpc";
import { sendAt } from "./scheduled";

const id = z.string().uuid();

/** All contacts, a filtered group (location, lease status, plan, member status) or specific people. */
const audience = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("all") }),
  z.strictObject({
    type: z.literal("filtered"),
    filters: z.strictObject({
      propertyIds: z.array(id).max(100).optional(),
      leaseStatuses: z.array(z.enum(leaseStatuses)).max(leaseStatuses.length).optional(),
      plans: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
      memberStatuses: z.array(z.enum(memberStatuses)).max(memberStatuses.length).optional(),
    }),
  }),
  z.strictObject({ type: z.literal("specific"), userIds: z.array(id).max(1000) }),
]);

const messageBody = z
  .string()
  .trim()
  .min(1, "Write a message")
  .max(20_000, "Messages are at most 20,000 characters");

/** An announcement's pin and expiry: times, checked against the clock by the API. */
const pinFields = {
  pinUntil: z.date({ invalid_type_error: "pinUntil: Choose a date and time" }).optional(),
  expiresAt: z.date({ invalid_type_error: "expiresAt: Choose a date and time" }).optional(),
};

/** A broadcast as the composer sends it, now or later. */
const broadcastInput = z.strictObject({
  audience,
  clientId: z.string().trim().min(8, "clientId: Use at least 8 characters").max(100),
  body: messageBody,
  type: z.enum(messageTypes).default("general"),
  copyToEmail: z.boolean().default(false),
});

export const broadcastsRouter = router({
  /** What the composer offers: audiences, filters and their options, email copy, or why not. */
  composer: memberProcedure.query(async ({ ctx }) =>
    broadcastComposer(ctx, await policyScope(ctx)),
  ),

  /** The number of people (and the first 50 names) a broadcast to this audience reaches. */
  preview: memberProcedure
    .input(z.strictObject({ audience }))
    .query(async ({ ctx, input }) => previewBroadcast(ctx, await policyScope(ctx), input.audience)),

  /**
   * Sends a broadcast, optionally pinned to the recipients' inboxes until `pinUntil` and leaving
   * them at `expiresAt`; a retry with the same clientId never sends a second one.
   */
  send: memberProcedure.input(broadcastInput.extend(pinFields)).mutation(async ({ ctx, input }) => {
    const { pinUntil, expiresAt, ...broadcast } = input;
    const pins =
      pinUntil || expiresAt
        ? { pinUntil: pinUntil ?? null, expiresAt: expiresAt ?? null }
        : undefined;
    return sendBroadcast(ctx, await policyScope(ctx), { ...broadcast, pins });
  }),

  /** Pins, unpins (`pinUntil: null`) or changes when a sent announcement expires. */
  setPins: memberProcedure
    .input(
      z.strictObject({
        conversationId: id,
        pinUntil: pinFields.pinUntil.unwrap().nullable(),
        expiresAt: pinFields.expiresAt.unwrap().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      changeAnnouncementPins(ctx, await policyScope(ctx), input.conversationId, {
        pinUntil: input.pinUntil,
        expiresAt: input.expiresAt,
      }),
    ),

  /**
   * Schedules a broadcast for `sendAt`; the audience and the policy are decided again when it
   * goes. A retry with the same clientId schedules nothing more.
   */
  schedule: memberProcedure
    .input(broadcastInput.extend({ sendAt }))
    .mutation(async ({ ctx, input }) => scheduleBroadcast(ctx, await policyScope(ctx), input)),

  /** The caller's broadcasts waiting for their time (or refused at it), soonest first. */
  scheduled: memberProcedure.query(({ ctx }) => listScheduledBroadcasts(ctx)),

  /** A new text and/or time for one's scheduled broadcast, until it goes. */
  updateScheduled: memberProcedure
    .input(
      z
        .strictObject({ id, body: messageBody.optional(), sendAt: sendAt.optional() })
        .refine((change) => change.body !== undefined || change.sendAt !== undefined, {
          message: "Change the text or the time",
        }),
    )
    .mutation(async ({ ctx, input }) =>
      changeScheduledBroadcast(ctx, await policyScope(ctx), input.id, {
        body: input.body,
        sendAt: input.sendAt,
      }),
    ),

  /** Cancels one's scheduled broadcast before it goes. */
  cancelScheduled: memberProcedure
    .input(z.strictObject({ id }))
    .mutation(({ ctx, input }) => cancelScheduledBroadcast(ctx, input.id)),

  /** A recipient answers an announcement in a private conversation with the managers. */
  replyPrivately: memberProcedure
    .input(
      z.strictObject({
        conversationId: id,
        clientId: z.string().trim().min(8, "clientId: Use at least 8 characters").max(100),
        body: z
          .string()
          .trim()
          .min(1, "Write a message")
          .max(20_000, "Messages are at most 20,000 characters"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { conversationId, ...draft } = input;
      return replyPrivately(ctx, conversationId, draft);
    }),

  /** The organization's announcements, newest first, each with how many recipients read it. */
  sent: managerProcedure
    .input(z.strictObject({ cursor: id.optional() }).default({}))
    .query(({ ctx, input }) => sentAnnouncements(ctx.db, ctx.organizationId, input.cursor)),

  /** Delivery and read report of one announcement: "2 of 3 read" and who hasn't. */
  report: managerProcedure
    .input(z.strictObject({ conversationId: id }))
    .query(({ ctx, input }) => announcementReport(ctx, input.conversationId)),

  /** Reminds the recipients who haven't read an announcement (once a day each). */
  remindUnread: managerProcedure
    .input(z.strictObject({ conversationId: id }))
    .mutation(async ({ ctx, input }) =>
      remindUnread(ctx, await policyScope(ctx), input.conversationId),
    ),
});
