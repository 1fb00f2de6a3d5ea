/**
 * The bell: the latest unread message of each conversation and the person's notifications
 * (mentions and the like), newest first, each saying whether it alerts on the desktop now.
 */
import type { ConversationKind, Database, Kysely, MessageType, Priority } from "@hearth/db";
import { sql } from "@hearth/db";
import type { OrganizationFacts, Policy } from "@hearth/policies";
import { heldByQuietHours, notifiesNow } from "./channel-choice";
import { kindOfMessage, type NotificationKind, notificationKinds } from "./kinds";
import { kindAllows, type NotificationPreferences } from "./preferences";

export interface FeedItem {
  /** "c:<conversation>" for unread messages, "n:<notification>" for a notification. */
  key: string;
  kind: NotificationKind;
  notificationId: number | null;
  conversationId: string | null;
  messageId: number | null;
  from: string;
  where: string | null;
  excerpt: string;
  at: Date;
  /** Unread messages in the conversation (for an unread-messages item). */
  unread: number;
  priority: Priority;
  /** Newer than the last time the person opened the bell. */
  fresh: boolean;
  /** Shown on the desktop (and with the sound, if on) while the tab is in the background. */
  desktop: boolean;
  sound: boolean;
}

const ITEMS = 20;

interface UnreadRow {
  conversationId: string;
  conversationKind: ConversationKind;
  title: string | null;
  unread: number;
  messageId: number;
  type: MessageType;
  priority: Priority;
  body: string;
  at: Date;
  from: string;
  mentioned: boolean;
}

function unreadConversations(db: Kysely<Database>, organizationId: string, userId: string) {
  return sql<UnreadRow>`
    select p.conversation_id as "conversationId", c.kind as "conversationKind", c.title,
      p.unread_count as unread, m.id::int as "messageId", m.type, m.priority, m.body,
      m.sent_at as at, coalesce(sender.display_name, o.name) as from,
      exists (select 1 from mentions mn where mn.message_id = m.id and mn.user_id = p.user_id)
        as mentioned
    from conversation_participants p
    join conversations c on c.id = p.conversation_id
    join organizations o on o.id = p.organization_id
    cross join lateral (
      select id, type, priority, body, sent_at, sender_id from messages m
      where m.conversation_id = p.conversation_id and m.id > p.last_read_message_id
        and m.sender_id is distinct from p.user_id and m.deleted_at is null
        and m.sent_at is not null
      order by m.id desc limit 1) m
    left join users sender on sender.id = m.sender_id
    where p.user_id = ${userId} and p.organization_id = ${organizationId}
      and p.archived_at is null and p.unread_count > 0
    order by p.last_message_at desc
    limit ${ITEMS}`.execute(db);
}

function recentNotifications(db: Kysely<Database>, organizationId: string, userId: string) {
  return db
    .selectFrom("notifications as n")
    .leftJoin("conversations as c", "c.id", "n.conversation_id")
    .leftJoin("messages as m", "m.id", "n.message_id")
    .leftJoin("users as sender", "sender.id", "m.sender_id")
    .select([
      "n.id",
      "n.kind",
      "n.conversation_id as conversationId",
      "n.message_id as messageId",
      "n.payload",
      "n.created_at as at",
      "n.read_at as readAt",
      "c.title",
      "c.kind as conversationKind",
      "m.priority",
      "sender.display_name as from",
    ])
    .where("n.user_id", "=", userId)
    .where("n.organization_id", "=", organizationId)
    .orderBy("n.id", "desc")
    .limit(ITEMS)
    .execute();
}

function isKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind);
}

/**
 * The kind a stored notification shows as, and is switched on or off with: its own where it is
 * one of the settings page's kinds; otherwise what it is about (a reminder of an announcement is
 * a broadcast; a scheduled message that could not go, or a conversation assigned to the person, a
 * message of its conversation).
 */
function feedKindOf(
  stored: string,
  conversationKind: ConversationKind | null,
): NotificationKind | null {
  if (isKind(stored)) return stored;
  if (stored === "announcement_reminder") return "broadcast";
  const aboutConversation = stored === "scheduled_message_refused" || stored === "assignment";
  if (aboutConversation && conversationKind !== null) {
    return kindOfMessage(conversationKind, "general", false);
  }
  return null;
}

export interface FeedScope {
  db: Kysely<Database>;
  organizationId: string;
  userId: string;
  policy: Policy;
  org: OrganizationFacts;
  preferences: NotificationPreferences;
  now: Date;
}

export async function notificationFeed(scope: FeedScope): Promise<FeedItem[]> {
  const [unread, notifications] = await Promise.all([
    unreadConversations(scope.db, scope.organizationId, scope.userId),
    recentNotifications(scope.db, scope.organizationId, scope.userId),
  ]);
  const seenAt = scope.preferences.seenAt;
  const alerts = (kind: NotificationKind, priority: Priority) => {
    const desktop = notifiesNow(
      scope.policy,
      scope.org,
      scope.preferences,
      "desktop",
      { kind, priority },
      scope.now,
    );
    const quiet = heldByQuietHours(scope.policy, scope.preferences, priority, scope.now);
    return { desktop, sound: scope.preferences.sound && !quiet };
  };
  const fromNotifications: FeedItem[] = notifications.flatMap((n) => {
    const kind = feedKindOf(n.kind, n.conversationKind);
    if (kind === null) return [];
    const reason = typeof n.payload.reason === "string" ? `Not sent: ${n.payload.reason} ` : "";
    const excerpt = `${reason}${typeof n.payload.excerpt === "string" ? n.payload.excerpt : ""}`;
    const priority = n.priority ?? "normal";
    return [
      {
        key: `n:${n.id}`,
        kind,
        notificationId: Number(n.id),
        conversationId: n.conversationId,
        messageId: n.messageId === null ? null : Number(n.messageId),
        from: n.from ?? (typeof n.payload.by === "string" ? n.payload.by : ""),
        where: n.title,
        excerpt,
        at: n.at,
        unread: n.readAt === null ? 1 : 0,
        priority,
        fresh: n.readAt === null && (seenAt === null || n.at > seenAt),
        ...alerts(kind, priority),
      },
    ];
  });
  const notified = new Set(fromNotifications.map((item) => item.messageId));
  const fromMessages: FeedItem[] = unread.rows
    .filter((row) => !notified.has(row.messageId))
    .map((row) => {
      const kind = kindOfMessage(row.conversationKind, row.type, row.mentioned);
      const at = new Date(row.at);
      return {
        key: `c:${row.conversationId}`,
        kind,
        notificationId: null,
        conversationId: row.conversationId,
        messageId: row.messageId,
        from: row.from,
        where: row.title,
        excerpt: row.body.slice(0, 140),
        at,
        unread: row.unread,
        priority: row.priority,
        fresh: seenAt === null || at > seenAt,
        ...alerts(kind, row.priority),
      };
    });
  return [...fromNotifications, ...fromMessages]
    .filter((item) => kindAllows(scope.preferences, item.kind, "in_app"))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, ITEMS);
}
