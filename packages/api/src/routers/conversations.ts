import { inboxChannels as channelNames, messageTypes, priorities } from "@hearth/db";
import { capabilities, composerOptions } from "@hearth/policies";
import { z } from "zod";
import { conversationFiles, MAX_ATTACHMENTS_PER_MESSAGE } from "../data/attachments";
import { pinnedAnnouncementsQuery } from "../messaging/announcement-pins";
import { hidesAudience, visiblePeople } from "../messaging/announcement-privacy";
import { announcementSenders } from "../messaging/announcement-senders";
import { changeMessage } from "../messaging/change";
import { searchContacts } from "../messaging/contacts";
import { participantDetails } from "../messaging/details";
import { inboxChannels, isInboxCursor, listInbox, unreadTotal } from "../messaging/inbox";
import { markRead, setArchived } from "../messaging/read-state";
import { reply } from "../messaging/send";
import { startConversation } from "../messaging/start";
import { threadPage } from "../messaging/thread";
import { loadConversationFacts } from "../policy/facts";
import { enforce, policyScope } from "../policy/gateway";
import { teamStateOfConversation } from "../team/assignees";
import { requireReadableConversation } from "../team/open";
import { listTeamView, teamViews } from "../team/views";
import { memberProcedure, router } from "../trpc";
import { bigintId, displayName, infiniteQueryDirection } from "../validation";

const id = z.string().uuid();
const messageId = bigintId();
export const draft = z.strictObject({
  clientId: z.string().trim().min(8, "Use at least 8 characters").max(100),
  body: z
    .string()
    .trim()
    .min(1, "Write a message")
    .max(20_000, "Messages are at most 20,000 characters"),
  type: z.enum(messageTypes).default("general"),
  priority: z.enum(priorities).default("normal"),
});

export const conversationsRouter = router({
  /**
   * The inbox, a page at a time: conversations by last activity with unread counts and channel,
   * filtered by archive, priority and channel. Pass `cursor` (the page's `nextCursor`) for the
   * next page. The first page also carries each channel's unread count.
   */
  list: memberProcedure
    .input(
      z
        .object({
          archived: z.boolean().default(false),
          priority: z.enum(["high"]).optional(),
          channel: z.enum(channelNames).optional(),
          cursor: z
            .string()
            .max(100)
            .refine(isInboxCursor, "Use the nextCursor of the page before")
            .nullish(),
          limit: z.number().int().min(1).max(100).optional(),
          /** A team inbox view instead of the viewer's own inbox (managers who share it). */
          team: z.enum(teamViews).optional(),
          direction: infiniteQueryDirection,
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      const team = input.team;
      if (team) enforce(scope.policy.useTeamInbox({ actor: scope.actor }));
      const [page, channelSummary] = await Promise.all([
        team
          ? listTeamView(ctx.db, ctx.organizationId, ctx.user.id, { ...input, view: team })
          : listInbox(ctx.db, ctx.organizationId, ctx.user.id, { ...input, now: scope.now }),
        input.cursor || team ? null : inboxChannels(ctx.db, ctx.organizationId, ctx.user.id),
      ]);
      const isManager = scope.actor.kind === "manager";
      const caps = capabilities(scope.policy, {
        org: scope.orgFacts,
        actor: scope.actor,
        now: scope.now,
      });
      const viewer = { id: ctx.user.id, kind: scope.actor.kind };
      const sender = scope.policy.knobs.broadcastSender;
      return {
        ...page,
        rows: page.rows.map((row) => ({
          ...row,
          others: visiblePeople(row.others, { kind: row.kind, sender }, viewer),
          // Who handles what is the team's business.
          ...(isManager ? {} : { assigneeId: null, assigneeName: null, closedAt: null }),
        })),
        /** Per channel: any conversations outside the archive, and unread messages (first page). */
        channelSummary,
        compose: caps.compose!,
        channels: Object.fromEntries(
          Object.entries(caps).filter(([k]) => k.startsWith("channel.")),
        ),
      };
    }),

  /** The viewer's pinned announcements that have not expired, shown above the list. */
  pinned: memberProcedure.query(({ ctx }) =>
    pinnedAnnouncementsQuery(ctx.db, ctx.organizationId, ctx.user.id, ctx.clock.now()).execute(),
  ),

  /** Total unread messages, for the badge. */
  unreadTotal: memberProcedure.query(({ ctx }) =>
    unreadTotal(ctx.db, ctx.organizationId, ctx.user.id),
  ),

  /** One conversation: header, the viewer's capabilities in it, and the details panel. */
  get: memberProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const conversation = await requireReadableConversation(ctx, input.id);
    const scope = await policyScope(ctx);
    const facts = await loadConversationFacts(
      ctx.db,
      ctx.organizationId,
      input.id,
      scope.now,
      scope.org.timezone,
    );
    const caps = capabilities(scope.policy, {
      org: scope.orgFacts,
      actor: scope.actor,
      now: scope.now,
      ...(facts ? { conversation: facts } : {}),
    });
    const viewer = { id: ctx.user.id, kind: scope.actor.kind };
    const shown = { kind: conversation.kind, sender: scope.policy.knobs.broadcastSender };
    const details = caps.viewParticipantInfo?.allowed
      ? visiblePeople(
          await participantDetails(ctx.db, input.id, ctx.user.id, scope.now, scope.org.timezone),
          shown,
          viewer,
        )
      : null;
    const isManager = scope.actor.kind === "manager";
    const names = visiblePeople(
      await ctx.db
        .selectFrom("conversation_participants as p")
        .innerJoin("users as u", "u.id", "p.user_id")
        .select(["u.id", "u.display_name as name", "u.kind"])
        .where("p.conversation_id", "=", input.id)
        // Managers watching from the team inbox are the team's to know about.
        .$if(!isManager, (query) => query.where("p.watching", "=", false))
        .orderBy("u.display_name")
        .execute(),
      shown,
      viewer,
    );
    const handles =
      facts !== null &&
      scope.policy.handleConversation({ actor: scope.actor, conversation: facts }).allowed;
    const others = names.filter((n) => n.id !== ctx.user.id);
    return {
      ...conversation,
      displayTitle: conversation.title ?? (others.map((o) => o.name).join(", ") || "Conversation"),
      participants: names,
      details,
      capabilities: caps,
      /** What the message box offers here: the message types to pick from and "high priority". */
      composer: composerOptions(scope.policy, {
        actor: scope.actor,
        ...(facts ? { conversation: facts } : {}),
      }),
      timeZone: scope.org.timezone,
      /** Who handles it and whether it is closed, for managers who share the team inbox. */
      team: handles ? await teamStateOfConversation(ctx.db, input.id) : null,
    };
  }),

  /**
   * A page of messages (oldest first within the page), newest page first; pass `cursor` (the
   * page's `olderCursor`) for the one before. `around` opens the thread at that message instead
   * (a link from search): the page holds it, and `newerCursor` is set when newer messages follow
   * beyond the page. Each message says whether the viewer may edit or delete it.
   */
  messages: memberProcedure
    .input(
      z.strictObject({
        id,
        cursor: messageId.nullish(),
        /** The first page only: `cursor` pages on from there to older messages. */
        around: messageId.optional(),
        limit: z.number().int().min(1).max(100).optional(),
        direction: infiniteQueryDirection,
      }),
    )
    .query(async ({ ctx, input }) => {
      const conversation = await requireReadableConversation(ctx, input.id);
      const scope = await policyScope(ctx);
      const audienceHidden = hidesAudience(conversation.kind, scope.actor);
      const showReceipts =
        !audienceHidden && scope.policy.seeReadReceipts({ actor: scope.actor }).allowed;
      const page = await threadPage(ctx.db, input.id, ctx.user.id, {
        before: input.cursor ?? undefined,
        around: input.around,
        limit: input.limit,
        showReceipts,
      });
      const senders = await announcementSenders(ctx, scope, conversation.kind, page.messages);
      return {
        ...page,
        messages: senders.map((m) => {
          const facts = { authorId: m.senderId, sentAt: m.sentAt, deletedAt: m.deletedAt };
          return {
            ...m,
            can: {
              edit: scope.policy.editMessage({ actor: scope.actor, message: facts, now: scope.now })
                .allowed,
              delete: scope.policy.deleteMessage({
                actor: scope.actor,
                message: facts,
                now: scope.now,
              }).allowed,
            },
          };
        }),
      };
    }),

  /** Sends a message in a conversation; a retry with the same clientId never makes a second one. */
  send: memberProcedure
    .input(
      draft.extend({
        conversationId: id,
        /** Uploads from `/api/files` to carry; the send fails if one is not the sender's own. */
        attachmentIds: z.array(id).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
        /** Also email it to the others, where the profile allows (seed 001, 003). */
        copyToEmail: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { conversationId, attachmentIds, copyToEmail, ...message } = input;
      return reply(ctx, conversationId, message, attachmentIds, { copyToEmail });
    }),

  /** "View Files": every file shared in the conversation, newest first, with who and when. */
  files: memberProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    await requireReadableConversation(ctx, input.id);
    return conversationFiles(ctx.db, ctx.organizationId, input.id);
  }),

  /** Starts a direct, unit group or team conversation with a first message. */
  start: memberProcedure
    .input(
      z.strictObject({
        target: z.discriminatedUnion("kind", [
          z.strictObject({ kind: z.literal("direct"), recipientId: id }),
          z.strictObject({ kind: z.literal("unit_group"), unitId: id }),
          z.strictObject({
            kind: z.literal("team"),
            recipientIds: z.array(id).min(1).max(50),
            title: displayName(100).optional(),
          }),
        ]),
        message: draft,
        /** Uploads from `/api/files` for the first message; the start fails if one is not the sender's own. */
        attachmentIds: z.array(id).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      startConversation(
        ctx,
        await policyScope(ctx),
        input.target,
        input.message,
        input.attachmentIds,
      ),
    ),

  edit: memberProcedure
    .input(z.strictObject({ messageId, body: draft.shape.body }))
    .mutation(async ({ ctx, input }) =>
      changeMessage(ctx, await policyScope(ctx), {
        action: "edit",
        messageId: input.messageId,
        body: input.body,
      }),
    ),

  delete: memberProcedure
    .input(z.strictObject({ messageId }))
    .mutation(async ({ ctx, input }) =>
      changeMessage(ctx, await policyScope(ctx), { action: "delete", messageId: input.messageId }),
    ),

  markRead: memberProcedure
    .input(z.strictObject({ id, upToMessageId: messageId }))
    .mutation(({ ctx, input }) => markRead(ctx, input.id, input.upToMessageId)),

  archive: memberProcedure
    .input(z.strictObject({ id, archived: z.boolean() }))
    .mutation(({ ctx, input }) => setArchived(ctx, input.id, input.archived)),

  /** People and units to start a conversation with, by name, unit or property, each with the policy's answer. */
  contacts: memberProcedure
    .input(z.strictObject({ search: z.string().trim().max(100).default("") }))
    .query(async ({ ctx, input }) =>
      searchContacts(ctx.db, await policyScope(ctx), ctx.user.id, input.search),
    ),
});
