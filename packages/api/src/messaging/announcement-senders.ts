import type { ConversationKind } from "@hearth/db";
import type { Context } from "../context";
import type { PolicyScope } from "../policy/gateway";
import { hidesAudience } from "./announcement-privacy";

type MemberContext = Context & { organizationId: string };

interface Sent {
  senderId: string | null;
  senderName: string | null;
}

/**
 * Who an announcement's messages show as sent by: the organization's name for a message it sent,
 * and, for its recipients where the profile's broadcasts come from the organization, for the
 * managers' messages too (seed 003: "intentionally comes from the space, not a specific admin").
 */
export async function announcementSenders<M extends Sent>(
  ctx: MemberContext,
  scope: PolicyScope,
  kind: ConversationKind,
  messages: readonly M[],
): Promise<M[]> {
  if (kind !== "broadcast") return [...messages];
  const fromOrganization =
    hidesAudience(kind, scope.actor) && scope.policy.knobs.broadcastSender === "organization";
  const masked = (m: M) => m.senderId === null || fromOrganization;
  if (!messages.some(masked)) return [...messages];
  const organization = await ctx.db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  return messages.map((m) =>
    masked(m) ? { ...m, senderId: null, senderName: organization.name } : m,
  );
}
