import { z } from "zod";
import { boardCategories, leaseStatuses, messageTypes } from "./facts";

function uniqueList<T extends z.ZodTypeAny>(item: T) {
  return z
    .array(item)
    .refine((values) => new Set(values).size === values.length, "Values must not repeat")
    .readonly();
}

/** Inbox channels a manager sees (seed 001). The board has its own switch. */
export const channels = ["team", "tenants", "service_pros", "owners", "maintenance"] as const;
/** Inbox channel. */
export type Channel = (typeof channels)[number];

/** How far a sub-user may use a capability. */
export const subUserAccess = z.enum(["all", "with_permission", "none"]);
/** How far a sub-user may use a capability. */
export type SubUserAccess = z.infer<typeof subUserAccess>;

/** Broadcast audience types (seed 003 "To"). */
export const audienceTypes = ["all", "filtered", "specific"] as const;
/** Broadcast audience type. */
export type AudienceType = (typeof audienceTypes)[number];

/** Filters a filtered broadcast may use: property ("location"), lease status, plan, member status. */
export const audienceFilters = ["property", "lease_status", "plan", "member_status"] as const;
/** Broadcast filter. */
export type AudienceFilter = (typeof audienceFilters)[number];

/** Notification channels a profile can switch on; in-app notifications always exist. */
export const notificationChannels = ["email", "sms", "push", "desktop"] as const;
/** Notification channel besides in-app. */
export type NotificationChannel = (typeof notificationChannels)[number];

const MB = 1024 * 1024;

/**
 * Every knob a profile sets. All profiles share this one shape, so a rule can read any knob;
 * profiles differ by their values and by which knobs an organization may override.
 */
export const knobsSchema = z
  .object({
    initiators: uniqueList(z.enum(["resident", "service_pro", "owner"])),
    managerChat: z.boolean(),
    channels: uniqueList(z.enum(channels)),
    unitGroupChats: z.boolean(),
    requireConnection: z.boolean(),
    startLeaseStatuses: uniqueList(z.enum(leaseStatuses)),
    replyLeaseStatuses: uniqueList(z.enum(leaseStatuses)),
    subUserChat: subUserAccess,
    subUserBroadcast: subUserAccess,
    subUserBoard: subUserAccess,
    subUserSettings: subUserAccess,
    broadcasts: z.boolean(),
    broadcastAudiences: uniqueList(z.enum(audienceTypes)),
    broadcastFilters: uniqueList(z.enum(audienceFilters)),
    broadcastNoReply: z.boolean(),
    broadcastSender: z.enum(["organization", "author"]),
    showRecipientCount: z.boolean(),
    memberMessaging: z.boolean(),
    board: z.boolean(),
    boardCategories: uniqueList(z.enum(boardCategories)),
    commentDeleteUntilSeen: z.boolean(),
    boardResidentPosts: z.boolean(),
    boardPostApproval: z.boolean(),
    readReceipts: z.enum(["everyone", "managers", "nobody"]),
    messageEditing: z.boolean(),
    editWindowMinutes: z.number().int().min(1).max(10_080),
    messageDeleting: z.boolean(),
    deleteWindowMinutes: z.number().int().min(1).max(10_080),
    attachments: z.boolean(),
    maxAttachmentBytes: z
      .number()
      .int()
      .min(1)
      .max(100 * MB),
    attachmentTypes: uniqueList(
      z
        .string()
        .regex(/^[a-z]+\/([a-z0-9.+-]+|\*)$/, "Use a MIME type such as image/png or image/*"),
    ),
    copyToEmail: z.boolean(),
    scheduledSend: z.boolean(),
    templates: z.boolean(),
    signatures: z.boolean(),
    autoResponses: z.boolean(),
    priorityMarking: z.boolean(),
    messageTypes: uniqueList(z.enum(messageTypes)),
    mentions: z.boolean(),
    maintenanceThreads: z.boolean(),
    maintenanceThreadOptOut: z.boolean(),
    notificationChannels: uniqueList(z.enum(notificationChannels)),
    notificationPreferences: z.boolean(),
    participantInfo: z.boolean(),
    urgentBreaksQuietHours: z.boolean(),
  })
  .strict();

/** The effective knobs of a policy. */
export type Knobs = z.infer<typeof knobsSchema>;
/** Name of a knob. */
export type KnobName = keyof Knobs;

/** Knob names in declaration order. */
export const knobNames = Object.keys(knobsSchema.shape) as KnobName[];

/** Tells whether a string names a knob. */
export function isKnobName(name: string): name is KnobName {
  return Object.hasOwn(knobsSchema.shape, name);
}
