import {
  bestLeaseStatus,
  type Database,
  isoDay,
  type Kysely,
  type LeaseStatus,
  leaseStatus,
  type MessageType,
  sql,
} from "@hearth/db";
import {
  type AudienceFilters,
  type BroadcastAudience,
  broadcastOptions,
  type MemberStatus,
  remedyFor,
} from "@hearth/policies";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { addParticipants, insertConversation } from "../data/conversations";
import { writeMessage } from "../data/messages";
import { type QueuedEmail, queueEmails } from "../outbox/email";
import { loadParties } from "../policy/facts";
import { enforce, type PolicyScope } from "../policy/gateway";
import { checkPinChoice, type PinChoice } from "./announcement-pins";
import { enforceDraft } from "./send";

/** A manager's request, or the job that sends a scheduled broadcast as its author. */
type MemberContext = Pick<Context, "db" | "clock" | "urls"> & {
  organizationId: string;
  user: { id: string; displayName: string };
};

/** A person the audience resolved to and the policy lets receive the broadcast. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
}

interface Candidate extends Recipient {
  plan: string | null;
  memberStatus: MemberStatus;
  leases: { propertyId: string; status: LeaseStatus }[];
}

/** Names a preview lists. */
const PREVIEW_NAMES = 50;

const notFound = (field: string, what: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `${field}: No such ${what} in your organization.` });

/** Everyone of the organization but the sender, with what audience filters look at. */
async function loadCandidates(
  ctx: MemberContext,
  scope: PolicyScope,
  onlyIds?: readonly string[],
): Promise<Candidate[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let query = ctx.db
    .selectFrom("users")
    .leftJoin("resident_leases as rl", "rl.user_id", "users.id")
    .select([
      "users.id",
      "users.display_name as name",
      "users.email",
      "users.plan",
      "users.member_status as memberStatus",
      "rl.property_id as propertyId",
      "rl.starts_on",
      "rl.ends_on",
    ])
    .where("users.organization_id", "=", ctx.organizationId)
    .where("users.id", "!=", ctx.user.id)
    .orderBy("users.display_name")
    .orderBy("users.id");
  if (onlyIds) query = query.where("users.id", "in", [...onlyIds]);
  const rows = await query.execute();
  const today = isoDay(scope.now, scope.org.timezone);
  const byId = new Map<string, Candidate>();
  for (const row of rows) {
    const candidate = byId.get(row.id) ?? {
      id: row.id,
      name: row.name,
      email: row.email,
      plan: row.plan,
      memberStatus: row.memberStatus,
      leases: [],
    };
    if (row.propertyId && row.starts_on)
      candidate.leases.push({
        propertyId: row.propertyId,
        status: leaseStatus({ starts_on: row.starts_on, ends_on: row.ends_on }, today),
      });
    byId.set(row.id, candidate);
  }
  return [...byId.values()];
}

/**
 * Whether a person matches every filter given (a filter takes part when its list is non-empty).
 * With a location, the lease status is the one of the leases at those properties.
 */
function matchesFilters(candidate: Candidate, filters: AudienceFilters): boolean {
  const properties = filters.propertyIds ?? [];
  const leases = properties.length
    ? candidate.leases.filter((l) => properties.includes(l.propertyId))
    : candidate.leases;
  if (properties.length && leases.length === 0) return false;
  const statuses = filters.leaseStatuses ?? [];
  if (statuses.length && !statuses.includes(bestLeaseStatus(leases.map((l) => l.status))))
    return false;
  const plans = filters.plans ?? [];
  if (plans.length && !(candidate.plan && plans.includes(candidate.plan))) return false;
  const members = filters.memberStatuses ?? [];
  if (members.length && !members.includes(candidate.memberStatus)) return false;
  return true;
}

/** Another organization's ids in the audience are "not found", like everywhere else. */
async function checkAudienceIds(ctx: MemberContext, audience: BroadcastAudience): Promise<void> {
  const check = async (table: "users" | "properties", ids: readonly string[], field: string) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await ctx.db
      .selectFrom(table)
      .select("id")
      .where("organization_id", "=", ctx.organizationId)
      .where("id", "in", unique)
      .execute();
    if (found.length !== unique.length)
      throw notFound(field, table === "users" ? "person" : "property");
  };
  if (audience.type === "specific") await check("users", audience.userIds, "userIds");
  if (audience.type === "filtered")
    await check("properties", audience.filters.propertyIds ?? [], "propertyIds");
}

/**
 * Resolves an audience to the people who get the broadcast: the audience's members, each
 * filtered by the policy's `receiveBroadcast` (someone it can't reach is left out, the send goes
 * on). For specific contacts, who was left out and why.
 */
export async function resolveAudience(
  ctx: MemberContext,
  scope: PolicyScope,
  audience: BroadcastAudience,
): Promise<{ recipients: Recipient[]; excluded: { id: string; name: string; reason: string }[] }> {
  await checkAudienceIds(ctx, audience);
  const candidates =
    audience.type === "specific"
      ? await loadCandidates(ctx, scope, audience.userIds)
      : await loadCandidates(ctx, scope);
  const members =
    audience.type === "filtered"
      ? candidates.filter((c) => matchesFilters(c, audience.filters))
      : candidates;
  const parties = await loadParties(
    ctx.db,
    ctx.organizationId,
    members.map((m) => m.id),
    scope.now,
    scope.org.timezone,
  );
  const recipients: Recipient[] = [];
  const excluded: { id: string; name: string; reason: string }[] = [];
  for (const member of members) {
    const party = parties.get(member.id);
    const decision = party
      ? scope.policy.receiveBroadcast({ org: scope.orgFacts, recipient: party })
      : scope.policy.membershipGate({ people: [party] });
    if (decision.allowed)
      recipients.push({ id: member.id, name: member.name, email: member.email });
    else if (audience.type === "specific")
      excluded.push({ id: member.id, name: member.name, reason: decision.reason });
  }
  return { recipients, excluded };
}

/** What the composer offers this manager, as the policy's `broadcastOptions` answers it. */
export async function broadcastComposer(ctx: MemberContext, scope: PolicyScope) {
  const offered = broadcastOptions(scope.policy, { actor: scope.actor });
  const can = offered.send;
  const organization = await ctx.db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  if (!can.allowed)
    return {
      can,
      /** Who could turn this on, when someone can. */
      remedy: remedyFor(scope.policy, can),
      organizationName: organization.name,
      compose: null,
    };
  const { property, lease_status, plan, member_status } = offered.filters;
  const [properties, plans, people] = await Promise.all([
    ctx.db
      .selectFrom("properties")
      .select(["id", "name"])
      .where("organization_id", "=", ctx.organizationId)
      .orderBy("name")
      .execute(),
    ctx.db
      .selectFrom("users")
      .select("plan")
      .distinct()
      .where("organization_id", "=", ctx.organizationId)
      .where("plan", "is not", null)
      .orderBy("plan")
      .execute(),
    resolveAudience(ctx, scope, { type: "all" }),
  ]);
  return {
    can,
    remedy: null,
    organizationName: organization.name,
    compose: {
      audiences: offered.audiences,
      filters: {
        property: property.allowed,
        lease_status: lease_status.allowed,
        plan: plan.allowed,
        member_status: member_status.allowed,
      },
      /** Whether to show how many people the message reaches (seed 003). */
      showRecipientCount: offered.showRecipientCount,
      noReply: offered.noReply,
      sender: offered.sender,
      copyToEmail: offered.copyToEmail,
      messageTypes: offered.messageTypes,
      properties,
      plans: plans.map((p) => p.plan!).filter(Boolean),
      people: people.recipients.map(({ id, name }) => ({ id, name })),
    },
  };
}

/** How many people (and who, the first 50) a broadcast to this audience reaches. */
export async function previewBroadcast(
  ctx: MemberContext,
  scope: PolicyScope,
  audience: BroadcastAudience,
) {
  enforce(scope.policy.sendBroadcast({ actor: scope.actor }));
  const { recipients, excluded } = await resolveAudience(ctx, scope, audience);
  const decision = scope.policy.sendBroadcast({
    actor: scope.actor,
    audience,
    recipientCount: recipients.length,
  });
  const show = scope.policy.knobs.showRecipientCount;
  return {
    count: show ? recipients.length : null,
    names: show ? recipients.slice(0, PREVIEW_NAMES).map((r) => r.name) : [],
    excluded: excluded.map(({ name, reason }) => ({ name, reason })),
    /** Whether sending to this audience is allowed, with the reason to show when not. */
    decision,
  };
}

async function findBroadcast(
  db: Kysely<Database>,
  organizationId: string,
  authorId: string,
  clientId: string,
) {
  const row = await db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select([
      "m.id as messageId",
      "m.conversation_id as conversationId",
      sql<number>`(select count(*)::int from conversation_participants p where p.conversation_id = c.id and p.user_id <> ${authorId})`.as(
        "recipientCount",
      ),
    ])
    .where("m.organization_id", "=", organizationId)
    .where("c.kind", "=", "broadcast")
    .where("c.created_by", "=", authorId)
    .where("m.client_id", "=", clientId)
    .executeTakeFirst();
  return row ?? null;
}

export interface BroadcastInput {
  audience: BroadcastAudience;
  clientId: string;
  body: string;
  type: MessageType;
  copyToEmail: boolean;
  /** Pinned to the recipients' inboxes until, and expiring at (both optional). */
  pins?: PinChoice | undefined;
}

export interface BroadcastResult {
  conversationId: string;
  messageId: number;
  /** False when this was a retry of a broadcast already sent with the same client id. */
  created: boolean;
  recipientCount: number;
  /** Email copies queued ("also send as email"); the job worker sends them. */
  emailed: number;
}

/**
 * Sends a broadcast: one conversation of kind "broadcast" with the recipients and the sender, and
 * one message from the organization (or its author, as the policy's `broadcastSender` says).
 * Idempotent on the client id. Email copies are queued in the same transaction (the outbox).
 */
export async function sendBroadcast(
  ctx: MemberContext,
  scope: PolicyScope,
  input: BroadcastInput,
): Promise<BroadcastResult> {
  const { policy, actor } = scope;
  enforce(policy.sendBroadcast({ actor }));
  const earlier = await findBroadcast(ctx.db, ctx.organizationId, ctx.user.id, input.clientId);
  if (earlier) return { ...earlier, created: false, emailed: 0 };

  const { recipients } = await resolveAudience(ctx, scope, input.audience);
  enforce(
    policy.sendBroadcast({ actor, audience: input.audience, recipientCount: recipients.length }),
  );
  enforceDraft(scope, {
    clientId: input.clientId,
    body: input.body,
    type: input.type,
    priority: "normal",
  });
  if (input.copyToEmail) enforce(policy.copyToEmail({ actor }));
  if (input.pins) checkPinChoice(input.pins, scope.now);

  const organization = await ctx.db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", ctx.organizationId)
    .executeTakeFirstOrThrow();
  const senderId = policy.knobs.broadcastSender === "author" ? ctx.user.id : null;
  const noReply = policy.knobs.broadcastNoReply;

  const sent = await ctx.db.transaction().execute(async (trx) => {
    // The unique (sender, client id) index does not hold when the sender is the organization
    // (null): this lock makes two concurrent retries wait for each other.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`broadcast:${ctx.organizationId}:${ctx.user.id}:${input.clientId}`}, 0))`.execute(
      trx,
    );
    const retried = await findBroadcast(trx, ctx.organizationId, ctx.user.id, input.clientId);
    if (retried) return { ...retried, created: false, emailed: 0 };
    const now = ctx.clock.now();
    const conversationId = await insertConversation(trx, {
      organizationId: ctx.organizationId,
      kind: "broadcast",
      title: organization.name,
      unitId: null,
      maintenanceRequestId: null,
      createdBy: ctx.user.id,
      noReply,
      pinnedUntil: input.pins?.pinUntil ?? null,
      expiresAt: input.pins?.expiresAt ?? null,
      at: now,
    });
    await addParticipants(trx, ctx.organizationId, conversationId, [
      ctx.user.id,
      ...recipients.map((r) => r.id),
    ]);
    const message = await writeMessage(trx, {
      organizationId: ctx.organizationId,
      conversationId,
      senderId,
      clientId: input.clientId,
      body: input.body,
      type: input.type,
      priority: "normal",
      copyToEmail: input.copyToEmail,
      sentAt: now,
      // The sender has read what they sent.
      readBy: [ctx.user.id],
    });
    const emailed = input.copyToEmail
      ? await queueEmails(
          trx,
          emailCopies(ctx, scope, {
            recipients,
            body: input.body,
            organizationName: organization.name,
            conversationId,
            messageId: message.id,
            noReply,
          }),
        )
      : 0;
    return {
      conversationId,
      messageId: message.id,
      recipientCount: recipients.length,
      created: true,
      emailed,
    };
  });
  return sent;
}

/**
 * "Also send as email": one email per recipient the policy's `deliverEmailCopy` reaches, each
 * keyed by the message and the recipient so it is queued once.
 */
function emailCopies(
  ctx: MemberContext,
  scope: PolicyScope,
  options: {
    recipients: readonly Recipient[];
    body: string;
    organizationName: string;
    conversationId: string;
    messageId: number;
    noReply: boolean;
  },
): QueuedEmail[] {
  const from =
    scope.policy.knobs.broadcastSender === "author"
      ? `${ctx.user.displayName} (${options.organizationName})`
      : options.organizationName;
  const link = `${ctx.urls.resident}/messages/${options.conversationId}`;
  const footer = options.noReply
    ? `This message comes from ${options.organizationName} and can't be answered in the portal. You can also read it at ${link}`
    : `Read and answer it at ${link}`;
  return options.recipients
    .filter(
      (r) =>
        scope.policy.deliverEmailCopy({ recipientHasEmail: r.email.trim().length > 0 }).allowed,
    )
    .map((recipient) => ({
      dedupeKey: `broadcast:${options.messageId}:${recipient.id}`,
      to: recipient.email,
      subject: `Message from ${from}`,
      text: `${options.body}\n\n—\n${footer}`,
      organizationId: ctx.organizationId,
    }));
}
