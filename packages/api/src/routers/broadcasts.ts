import { messageTypes } from "@hearth/db";
import { leaseStatuses, memberStatuses } from "@hearth/policies";
import { z } from "zod";
import { broadcastComposer, previewBroadcast, sendBroadcast } from "../messaging/broadcast";
import { policyScope } from "../policy/gateway";
import { memberProcedure, router } from "../trpc";

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

export const broadcastsRouter = router({
  /** What the composer offers: audiences, filters and their options, email copy, or why not. */
  composer: memberProcedure.query(async ({ ctx }) =>
    broadcastComposer(ctx, await policyScope(ctx)),
  ),

  /** The number of people (and the first 50 names) a broadcast to this audience reaches. */
  preview: memberProcedure
    .input(z.strictObject({ audience }))
    .query(async ({ ctx, input }) => previewBroadcast(ctx, await policyScope(ctx), input.audience)),

  /** Sends a broadcast; a retry with the same clientId never sends a second one. */
  send: memberProcedure
    .input(
      z.strictObject({
        audience,
        clientId: z.string().trim().min(8, "clientId: Use at least 8 characters").max(100),
        body: z
          .string()
          .trim()
          .min(1, "Write a message")
          .max(20_000, "Messages are at most 20,000 characters"),
        type: z.enum(messageTypes).default("general"),
        copyToEmail: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => sendBroadcast(ctx, await policyScope(ctx), input)),
});
