import { z } from "zod";

/** The channel every API process LISTENs on. */
export const EVENTS_CHANNEL = "hearth_events";

/**
 * What crosses processes through NOTIFY: small facts, never message bodies (NOTIFY payloads are
 * limited to 8000 bytes). Subscribers load what they show from the database, scoped to the viewer.
 */
export const liveEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message"),
    /** created, edited or deleted: the subscriber reloads the message either way. */
    change: z.enum(["created", "edited", "deleted"]),
    conversationId: z.string().uuid(),
    messageId: z.number().int().positive(),
    recipients: z.array(z.string().uuid()),
  }),
  z.object({
    type: z.literal("read"),
    conversationId: z.string().uuid(),
    userId: z.string().uuid(),
    lastReadMessageId: z.number().int().nonnegative(),
    recipients: z.array(z.string().uuid()),
  }),
  z.object({
    type: z.literal("team"),
    /** Who handles it changed, it was closed or reopened, or an internal note was added. */
    change: z.enum(["assigned", "closed", "reopened", "note"]),
    conversationId: z.string().uuid(),
    recipients: z.array(z.string().uuid()),
  }),
  z.object({
    type: z.literal("announcement"),
    /** Its pin or expiry changed: the inbox lists move it. */
    change: z.enum(["pins"]),
    conversationId: z.string().uuid(),
    recipients: z.array(z.string().uuid()),
  }),
  z.object({
    type: z.literal("presence"),
    /** Someone has the conversation open, or is writing in it; it lapses without a repeat. */
    state: z.enum(["viewing", "typing"]),
    conversationId: z.string().uuid(),
    userId: z.string().uuid(),
    name: z.string().max(200),
    recipients: z.array(z.string().uuid()),
  }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;

/** An event as a subscriber sees it: without the recipients (still one variant per type). */
export type LiveEventBody = LiveEvent extends infer E
  ? E extends LiveEvent
    ? Omit<E, "recipients">
    : never
  : never;
