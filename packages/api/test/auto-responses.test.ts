import { sql } from "@hearth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAutoResponses } from "../src/jobs/send-auto-responses";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { draft, outcome } from "./helpers";

// 2026-11-18 is a Wednesday; the organization keeps UTC hours here, Monday to Friday 9 to 6.
let now = new Date("2026-11-18T12:00:00Z");
const clock = { now: () => now };
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
  const owner = await h.as("owner@standard.demo");
  await owner.autoResponses.saveBusinessHours({
    timeZone: "UTC",
    hours: { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "18:00" },
    holidays: ["2026-11-26"],
  });
});
afterAll(() => h.close());

async function rileyConversation() {
  const resident = await h.as("resident@standard.demo");
  const { rows } = await resident.conversations.list();
  const row = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name.startsWith("Dana")),
  );
  const conversationId = row?.id ?? rows.find((r) => r.kind === "direct")?.id;
  if (!conversationId) throw new Error("no conversation");
  return { resident, conversationId };
}

async function automaticIn(conversationId: string) {
  return h.t.db
    .selectFrom("messages")
    .select(["id", "body", "sender_id", "sent_at"])
    .where("conversation_id", "=", conversationId)
    .where("automatic", "=", true)
    .orderBy("id")
    .execute();
}

async function writeAt(at: string, body: string) {
  now = new Date(at);
  const { resident, conversationId } = await rileyConversation();
  const sent = await resident.conversations.send({ conversationId, ...draft(body) });
  await runQueuedJobs(h);
  return { conversationId, messageId: sent.id };
}

const deps = () => ({ db: h.t.db, logger: h.deps.logger, clock });

describe("auto-responses (standard, seed 000: after-hours and vacation replies)", () => {
  it("answers a resident writing after hours once per closed period, marked automatic", async () => {
    const owner = await h.as("owner@standard.demo");
    await owner.autoResponses.save({
      afterHours: { enabled: true, body: "We're closed; we'll answer from 9am." },
      vacation: { startsAt: null, endsAt: null, body: "" },
    });
    const { conversationId } = await writeAt("2026-11-18T23:00:00Z", "Is the gym open?");
    const first = await automaticIn(conversationId);
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toBe("We're closed; we'll answer from 9am.");
    expect(first[0]?.sender_id).toBe(await h.userId("owner@standard.demo"));

    await writeAt("2026-11-19T07:30:00Z", "Hello?");
    expect(await automaticIn(conversationId)).toHaveLength(1);
    await writeAt("2026-11-19T10:00:00Z", "During hours");
    expect(await automaticIn(conversationId)).toHaveLength(1);
    await writeAt("2026-11-19T19:00:00Z", "Next evening");
    expect(await automaticIn(conversationId)).toHaveLength(2);
    // A holiday is closed all day: Thanksgiving at noon gets a reply of its own period.
    await writeAt("2026-11-26T12:00:00Z", "Holiday question");
    expect(await automaticIn(conversationId)).toHaveLength(3);

    const resident = await h.as("resident@standard.demo");
    const page = await resident.conversations.messages({ id: conversationId });
    expect(page.messages.filter((m) => m.automatic)).toHaveLength(3);
  });

  it("never answers an automatic message, a manager or a broadcast, and sends once however often it runs", async () => {
    const { conversationId, messageId } = await writeAt("2026-11-20T22:00:00Z", "Friday night");
    const replies = await automaticIn(conversationId);
    const latest = replies.at(-1);
    expect(latest && latest.id > messageId).toBe(true);
    expect(await sendAutoResponses(deps(), latest!.id)).toBe(0);
    const again = await Promise.all([1, 2, 3].map(() => sendAutoResponses(deps(), messageId)));
    expect(again).toEqual([0, 0, 0]);
    expect(await automaticIn(conversationId)).toHaveLength(replies.length);

    // A message of the team is not answered.
    const team = await h.as("team@standard.demo");
    const teamConversation = (await team.conversations.list()).rows[0]!;
    const teamMessage = await team.conversations.send({
      conversationId: teamConversation.id,
      ...draft("Team note after hours"),
    });
    expect(await sendAutoResponses(deps(), teamMessage.id)).toBe(0);

    const { rows } = await sql<{ id: number }>`
      select m.id from messages m join conversations c on c.id = m.conversation_id
      where c.kind = 'broadcast' and m.organization_id = (
        select id from organizations where slug = 'standard') limit 1`.execute(h.t.db);
    if (rows[0]) expect(await sendAutoResponses(deps(), Number(rows[0].id))).toBe(0);
  });

  it("a vacation reply goes out once during the vacation, also within business hours", async () => {
    const owner = await h.as("owner@standard.demo");
    await owner.autoResponses.save({
      afterHours: { enabled: false, body: "" },
      vacation: {
        startsAt: new Date("2026-12-01T00:00:00Z"),
        endsAt: new Date("2026-12-08T00:00:00Z"),
        body: "I'm away until December 8.",
      },
    });
    const { conversationId } = await writeAt("2026-11-30T10:00:00Z", "Before the vacation");
    const before = (await automaticIn(conversationId)).length;
    await writeAt("2026-12-02T10:00:00Z", "During the vacation");
    await writeAt("2026-12-03T11:00:00Z", "Still away?");
    const during = await automaticIn(conversationId);
    expect(during).toHaveLength(before + 1);
    expect(during.at(-1)?.body).toBe("I'm away until December 8.");
    await writeAt("2026-12-09T10:00:00Z", "Back?");
    expect(await automaticIn(conversationId)).toHaveLength(before + 1);
  });

  it("is a setting only where the profile has it, for managers; hours are the account owner's", async () => {
    const off = {
      afterHours: { enabled: false, body: "" },
      vacation: { startsAt: null, endsAt: null, body: "" },
    };
    const resident = await h.as("resident@standard.demo");
    expect(await outcome(() => resident.autoResponses.save(off))).toBe("FORBIDDEN:managers_only");
    for (const slug of ["connected", "coworking", "landlord-led"]) {
      const other = await h.as(`owner@${slug}.demo`);
      expect((await other.autoResponses.get()).configure.allowed).toBe(false);
      expect(await outcome(() => other.autoResponses.save(off))).toBe(
        "FORBIDDEN:auto_responses_unavailable",
      );
    }
    const team = await h.as("team@standard.demo");
    expect(
      await outcome(() =>
        team.autoResponses.saveBusinessHours({ timeZone: "UTC", hours: null, holidays: [] }),
      ),
    ).toBe("FORBIDDEN:business_hours_owner_only");
    const owner = await h.as("owner@standard.demo");
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "organization.business_hours_changed")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const bad of [
      {
        ...off,
        vacation: { startsAt: new Date("2026-12-02"), endsAt: new Date("2026-12-01"), body: "x" },
      },
      { ...off, afterHours: { enabled: true, body: "" } },
    ])
      expect(await outcome(() => owner.autoResponses.save(bad))).toBe("BAD_REQUEST");
    expect(
      await outcome(() =>
        owner.autoResponses.saveBusinessHours({ timeZone: "Mars/Base", hours: null, holidays: [] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(() =>
        owner.autoResponses.saveBusinessHours({
          timeZone: "UTC",
          hours: { days: [1], opens: "18:00", closes: "09:00" },
          holidays: [],
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});
