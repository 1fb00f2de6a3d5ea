import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendScheduledMessage } from "../src/jobs/send-scheduled-message";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { draft, outcome } from "./helpers";

const HOUR = 3_600_000;
let now = new Date();
const clock = { now: () => now };
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

/** Moves the clock to `at`; jobs due by then become due for the worker too, which then runs. */
async function advanceTo(at: Date) {
  now = at;
  await sql`
    select count(*) from graphile_worker.reschedule_jobs(
      array(select id from graphile_worker.jobs where run_at <= ${at} and locked_at is null),
      run_at := now())`.execute(h.t.db);
  await runQueuedJobs(h);
}

async function standardDirect() {
  const owner = await h.as("owner@standard.demo");
  const resident = await h.as("resident@standard.demo");
  const { rows } = await owner.conversations.list();
  const conversation = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name === "Riley Chen"),
  );
  if (!conversation) throw new Error("seeded conversation missing");
  return { owner, resident, conversationId: conversation.id };
}

async function copiesOf(clientId: string) {
  return h.t.db
    .selectFrom("messages")
    .select(["id", "sent_at", "scheduled_for", "schedule_refusal"])
    .where("client_id", "=", clientId)
    .execute();
}

async function unreadOf(email: string, conversationId: string) {
  const row = await h.t.db
    .selectFrom("conversation_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select("p.unread_count")
    .where("u.email", "=", email)
    .where("p.conversation_id", "=", conversationId)
    .executeTakeFirstOrThrow();
  return row.unread_count;
}

async function liveEventsOf(conversationId: string) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from live_events where conversation_id = ${conversationId}`.execute(
    h.t.db,
  );
  return rows[0]?.n ?? 0;
}

describe("scheduled send (standard, seed 000)", () => {
  it("waits unseen by the recipient, then goes once at its time as sent then", async () => {
    const { owner, resident, conversationId } = await standardDirect();
    const message = draft("Rent is due on the 1st.", { type: "payment_reminder" });
    const sendAt = new Date(now.getTime() + HOUR);
    const scheduled = await owner.scheduled.create({ conversationId, ...message, sendAt });
    expect(scheduled.created).toBe(true);
    const unreadBefore = await unreadOf("resident@standard.demo", conversationId);
    const eventsBefore = await liveEventsOf(conversationId);

    await runQueuedJobs(h);
    const residentPage = await resident.conversations.messages({ id: conversationId });
    expect(residentPage.messages.some((m) => m.body === message.body)).toBe(false);
    const ownerPage = await owner.conversations.messages({ id: conversationId });
    expect(ownerPage.messages.find((m) => m.body === message.body)?.sentAt).toBeNull();
    expect(await owner.scheduled.list({ conversationId })).toMatchObject([
      { id: scheduled.id, body: message.body, scheduledFor: sendAt, refusal: null },
    ]);
    expect(await unreadOf("resident@standard.demo", conversationId)).toBe(unreadBefore);
    expect(await liveEventsOf(conversationId)).toBe(eventsBefore);

    const newestBefore = residentPage.messages.at(-1)?.id ?? 0;
    const deliveredAt = new Date(sendAt.getTime() + 1_000);
    await advanceTo(deliveredAt);
    const after = await resident.conversations.messages({ id: conversationId });
    const delivered = after.messages.filter((m) => m.body === message.body);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.sentAt).toEqual(deliveredAt);
    expect(delivered[0]?.id).toBeGreaterThan(newestBefore);
    expect(after.messages.at(-1)?.body).toBe(message.body);
    expect(await unreadOf("resident@standard.demo", conversationId)).toBe(unreadBefore + 1);
    expect(await liveEventsOf(conversationId)).toBe(eventsBefore + 1);
    expect(await owner.scheduled.list({ conversationId })).toEqual([]);
    const inbox = await resident.conversations.list();
    expect(inbox.rows[0]?.id).toBe(conversationId);

    await advanceTo(new Date(now.getTime() + HOUR));
    expect(await copiesOf(message.clientId)).toHaveLength(1);
  });

  it("sends once whatever runs it: duplicate jobs, two workers at once, a retry", async () => {
    const { owner, conversationId } = await standardDirect();
    const message = draft("Pool closes at 8 tonight.");
    const sendAt = new Date(now.getTime() + HOUR);
    const { id } = await owner.scheduled.create({ conversationId, ...message, sendAt });
    now = new Date(sendAt.getTime() + 500);
    await sql`select graphile_worker.add_job('send_scheduled_message', ${JSON.stringify({ messageId: id })}::json)`.execute(
      h.t.db,
    );
    const deps = { db: h.t.db, logger: h.deps.logger, clock };
    const outcomes = await Promise.all([
      sendScheduledMessage(deps, id),
      sendScheduledMessage(deps, id),
      sendScheduledMessage(deps, id),
    ]);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    await advanceTo(now);
    expect(await sendScheduledMessage(deps, id)).toBe("gone");
    const copies = await copiesOf(message.clientId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.sent_at).not.toBeNull();
  });

  it("survives a crash mid-job: the retry sends it once", async () => {
    const { owner, conversationId } = await standardDirect();
    const message = draft("Crash test: water shut-off at noon.");
    const sendAt = new Date(now.getTime() + HOUR);
    const { id } = await owner.scheduled.create({ conversationId, ...message, sendAt });
    now = new Date(sendAt.getTime() + 500);
    // The process dies after the message was written, before the commit.
    await sql`
      create function crash_once() returns trigger language plpgsql as $$
      begin raise exception 'worker crashed'; end $$;
      create trigger crash_once after insert on messages
        for each row when (new.body like 'Crash test:%' and new.sent_at is not null)
        execute function crash_once();`.execute(h.t.db);
    const deps = { db: h.t.db, logger: h.deps.logger, clock };
    await expect(sendScheduledMessage(deps, id)).rejects.toThrow(/worker crashed/);
    expect(await copiesOf(message.clientId)).toMatchObject([{ id, sent_at: null }]);
    await sql`drop trigger crash_once on messages; drop function crash_once();`.execute(h.t.db);
    await advanceTo(now);
    const copies = await copiesOf(message.clientId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.sent_at).toEqual(now);
  });

  it("can be edited and moved until it goes, and cancelled", async () => {
    const { owner, resident, conversationId } = await standardDirect();
    const moved = draft("Inspection at 10.");
    const first = new Date(now.getTime() + HOUR);
    const { id } = await owner.scheduled.create({ conversationId, ...moved, sendAt: first });
    const later = new Date(first.getTime() + 2 * HOUR);
    await owner.scheduled.update({ messageId: id, body: "Inspection at 11.", sendAt: later });
    await advanceTo(new Date(first.getTime() + 1_000));
    expect(await copiesOf(moved.clientId)).toMatchObject([{ sent_at: null }]);
    await advanceTo(new Date(later.getTime() + 1_000));
    const page = await resident.conversations.messages({ id: conversationId });
    expect(page.messages.filter((m) => m.body === "Inspection at 11.")).toHaveLength(1);
    expect(await outcome(() => owner.scheduled.cancel({ messageId: id }))).toBe("NOT_FOUND");

    const cancelled = draft("Never mind this one.");
    const at = new Date(now.getTime() + HOUR);
    const second = await owner.scheduled.create({ conversationId, ...cancelled, sendAt: at });
    await owner.scheduled.cancel({ messageId: second.id });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs
      where key = ${`scheduled-message:${second.id}`}`.execute(h.t.db);
    expect(rows[0]?.n).toBe(0);
    await advanceTo(new Date(at.getTime() + 1_000));
    expect(await copiesOf(cancelled.clientId)).toEqual([]);
  });

  it("asks the policy again at its time: a lease that ended meanwhile refuses it, and the sender is told", async () => {
    const { owner, resident, conversationId } = await standardDirect();
    const message = draft("Your renewal offer is attached.");
    const sendAt = new Date(now.getTime() + HOUR);
    const { id } = await owner.scheduled.create({ conversationId, ...message, sendAt });
    // Here replies need an active lease (standard keeps threads open after move-out by default).
    await h.t.db
      .updateTable("organizations")
      .set({ policy_overrides: JSON.stringify({ replyLeaseStatuses: ["active"] }) })
      .where("slug", "=", "standard")
      .execute();
    const riley = await h.userId("resident@standard.demo");
    const ended = await h.t.db
      .updateTable("leases")
      .set({ ends_on: "2000-01-01", starts_on: "1999-01-01" })
      .where("id", "in", (eb) =>
        eb.selectFrom("lease_residents").select("lease_id").where("user_id", "=", riley),
      )
      .returning(["id", "starts_on", "ends_on"])
      .execute();
    try {
      await advanceTo(new Date(sendAt.getTime() + 1_000));
      const [row] = await copiesOf(message.clientId);
      expect(row?.sent_at).toBeNull();
      const listed = await owner.scheduled.list({});
      const refused = listed.find((m) => m.id === id);
      expect(refused?.refusal).toMatch(/lease/i);
      const notice = await h.t.db
        .selectFrom("notifications")
        .select(["kind", "payload"])
        .where("message_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(notice.kind).toBe("scheduled_message_refused");
      expect(notice.payload.reason).toBe(refused?.refusal);
      // The bell shows it to the sender, with the reason.
      const feed = await owner.notifications.feed();
      expect(
        feed.items.some(
          (item) =>
            item.messageId === id && item.excerpt.startsWith(`Not sent: ${refused?.refusal}`),
        ),
      ).toBe(true);
      const page = await resident.conversations.messages({ id: conversationId });
      expect(page.messages.some((m) => m.body === message.body)).toBe(false);
    } finally {
      await h.t.db
        .updateTable("organizations")
        .set({ policy_overrides: "{}" })
        .where("slug", "=", "standard")
        .execute();
      for (const lease of ended)
        await h.t.db
          .updateTable("leases")
          .set({ starts_on: "2020-01-01", ends_on: "2099-01-01" })
          .where("id", "=", lease.id)
          .execute();
    }
  });
});

describe("scheduled send: who may, and bad input", () => {
  it("refuses profiles without it, residents and a time in the past, writing nothing", async () => {
    const { resident, owner, conversationId } = await standardDirect();
    const soon = new Date(now.getTime() + HOUR);
    expect(
      await outcome(() =>
        resident.scheduled.create({ conversationId, ...draft("Hi"), sendAt: soon }),
      ),
    ).toBe("FORBIDDEN:managers_only");
    expect(
      await outcome(() =>
        owner.scheduled.create({
          conversationId,
          ...draft("Hi"),
          sendAt: new Date(now.getTime() - 60_000),
        }),
      ),
    ).toBe("FORBIDDEN:schedule_in_past");
    for (const slug of ["connected", "coworking", "landlord-led"]) {
      const other = await h.as(`owner@${slug}.demo`);
      const { rows } = await other.conversations.list();
      const target = rows[0];
      if (!target) continue;
      expect(
        await outcome(() =>
          other.scheduled.create({ conversationId: target.id, ...draft("Hi"), sendAt: soon }),
        ),
      ).toBe("FORBIDDEN:scheduled_send_unavailable");
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from messages where body = 'Hi' and sent_at is null`.execute(
      h.t.db,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("answers another organization's and another person's ids as not found", async () => {
    const { owner, conversationId } = await standardDirect();
    const foreign = await h.as("owner@connected.demo");
    const { rows } = await foreign.conversations.list();
    const foreignConversation = rows[0]!.id;
    const soon = new Date(now.getTime() + HOUR);
    expect(
      await outcome(() =>
        owner.scheduled.create({
          conversationId: foreignConversation,
          ...draft("Hi"),
          sendAt: soon,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => owner.scheduled.list({ conversationId: foreignConversation }))).toBe(
      "NOT_FOUND",
    );
    const { id } = await owner.scheduled.create({ conversationId, ...draft("Mine"), sendAt: soon });
    const colleague = await h.as("team@standard.demo");
    for (const stranger of [foreign, colleague]) {
      expect(await outcome(() => stranger.scheduled.cancel({ messageId: id }))).toBe("NOT_FOUND");
      expect(
        await outcome(() => stranger.scheduled.update({ messageId: id, body: "Changed" })),
      ).toBe("NOT_FOUND");
      expect(await stranger.scheduled.list({})).not.toContainEqual(expect.objectContaining({ id }));
    }
    await owner.scheduled.cancel({ messageId: id });
  });

  it("refuses bad input with a reason", async () => {
    const { owner, conversationId } = await standardDirect();
    const tooLate = new Date(Date.now() + 400 * 86_400_000);
    for (const input of [
      { conversationId, ...draft("Hi"), sendAt: tooLate },
      { conversationId, ...draft("Hi"), sendAt: new Date(Number.NaN) },
      { conversationId, ...draft("   "), sendAt: new Date(now.getTime() + HOUR) },
    ])
      expect(await outcome(() => owner.scheduled.create(input))).toBe("BAD_REQUEST");
    expect(await outcome(() => owner.scheduled.update({ messageId: 1 }))).toBe("BAD_REQUEST");
  });
});
