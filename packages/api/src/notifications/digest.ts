/**
 * The email digest job: for every person with messages still unread after their delay, one email
 * for all of them, from the organization, with an unsubscribe link. One transaction records whom
 * it dealt with and queues the emails (the outbox), so a crash before commit leaves everything to
 * the next run and a commit is never repeated: each digest is sent exactly once.
 */

import type { AppKind, Database, Kysely, Transaction } from "@hearth/db";
import { sql } from "@hearth/db";
import { appForKind } from "../auth/lucia";
import { organizationReplyTo } from "../mail/reply-to";
import { queueEmails } from "../outbox";
import { resolvedPolicy } from "../policy/resolved-policy";
import { channelDecision, heldByQuietHours } from "./channel-choice";
import { type DigestCandidate, digestCandidates, pruneDigestQueue } from "./digest-candidates";
import { type DigestRecipient, digestEmail } from "./digest-email";
import { kindOfMessage } from "./kinds";
import { type PreferencesRow, preferencesFromRow, preferencesQuery } from "./preferences";
import { unsubscribeKey, unsubscribeToken } from "./unsubscribe-token";

export interface DigestDeps {
  db: Kysely<Database>;
  urls: Record<AppKind, string>;
}

export interface DigestRun {
  /** Digest emails queued. */
  emails: number;
  /** When the next pending message becomes due, if one is waiting. */
  nextDueAt: Date | null;
}

/** Taken for the run's transaction: two runs at once would both see the same pairs. */
const DIGEST_LOCK = 0x6469_6765;

export async function sendEmailDigests(
  deps: DigestDeps,
  now: Date,
  /** Runs inside the transaction after the emails are queued (tests crash the run here). */
  beforeCommit: () => Promise<void> = async () => {},
): Promise<DigestRun> {
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${DIGEST_LOCK})`.execute(trx);
    const candidates = await digestCandidates(trx);
    const due = candidates.filter((candidate) => candidate.dueAt <= now);
    const later = candidates.filter((candidate) => candidate.dueAt > now);
    const people = await recipientsOf(trx, deps, [...new Set(due.map((c) => c.userId))]);
    const decided = decide(due, people, now);
    await recordDealtWith(trx, decided.dealtWith);
    const emails = await queueEmails(trx, decided.emails);
    await pruneDigestQueue(trx, now);
    await beforeCommit();
    const nextDueAt = later.reduce<Date | null>(
      (soonest, c) => (soonest === null || c.dueAt < soonest ? c.dueAt : soonest),
      null,
    );
    return { emails, nextDueAt };
  });
}

interface Person {
  row: PreferencesRow;
  recipient: DigestRecipient;
}

async function recipientsOf(
  trx: Transaction<Database>,
  deps: DigestDeps,
  userIds: readonly string[],
): Promise<Map<string, Person>> {
  if (userIds.length === 0) return new Map();
  const secret = await unsubscribeKey(trx);
  const rows = await preferencesQuery(trx)
    .select(["u.kind", organizationReplyTo("o").as("replyTo")])
    .where("u.id", "in", userIds)
    .execute();
  return new Map(
    rows.map((row) => {
      const app = appForKind[row.kind];
      const appUrl = deps.urls[app];
      return [
        row.userId,
        {
          row,
          recipient: {
            userId: row.userId,
            email: row.email,
            displayName: row.displayName,
            app,
            appUrl,
            organizationId: row.organizationId,
            organizationName: row.organizationName,
            replyTo: row.replyTo,
            unsubscribeUrl: `${appUrl}/unsubscribe/${unsubscribeToken(secret, row.userId)}`,
          },
        },
      ];
    }),
  );
}

interface Decided {
  emails: ReturnType<typeof digestEmail>[];
  dealtWith: { userId: string; messageId: number; emailed: boolean }[];
}

/**
 * Per person: messages their email settings (and the policy) exclude are dealt with unsent; in
 * quiet hours the rest wait, unless urgent and allowed through; what is left is one digest.
 */
function decide(due: readonly DigestCandidate[], people: Map<string, Person>, now: Date): Decided {
  const decided: Decided = { emails: [], dealtWith: [] };
  const byPerson = new Map<string, DigestCandidate[]>();
  for (const candidate of due) {
    const list = byPerson.get(candidate.userId) ?? [];
    list.push(candidate);
    byPerson.set(candidate.userId, list);
  }
  for (const [userId, messages] of byPerson) {
    const person = people.get(userId);
    if (!person) continue;
    const resolved = resolvedPolicy(person.row.profile, person.row.overrides);
    const preferences = preferencesFromRow(person.row);
    const org = { mode: person.row.mode };
    const toSend: DigestCandidate[] = [];
    for (const message of messages) {
      const kind = kindOfMessage(message.conversationKind, message.type, message.mentioned);
      const wanted =
        resolved.ok && channelDecision(resolved.policy, org, preferences, "email", kind).allowed;
      if (!wanted) {
        decided.dealtWith.push({ userId, messageId: message.messageId, emailed: false });
        continue;
      }
      if (resolved.ok && heldByQuietHours(resolved.policy, preferences, message.priority, now))
        continue;
      toSend.push(message);
    }
    if (toSend.length === 0) continue;
    decided.emails.push(digestEmail(person.recipient, toSend));
    for (const message of toSend)
      decided.dealtWith.push({ userId, messageId: message.messageId, emailed: true });
  }
  return decided;
}

async function recordDealtWith(trx: Transaction<Database>, rows: Decided["dealtWith"]) {
  for (let i = 0; i < rows.length; i += 5000) {
    await trx
      .insertInto("email_notification_digests")
      .values(
        rows.slice(i, i + 5000).map((r) => ({
          user_id: r.userId,
          message_id: r.messageId,
          emailed: r.emailed,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
