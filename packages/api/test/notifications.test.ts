/**
 * Notifications (issue 11): the bell, desktop alerts, the settings each person keeps, quiet hours
 * with the emergency floor, and the email digest with its unsubscribe link.
 */
import { sql } from "@hearth/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeMessage } from "../src/data/messages";
import { runEmailDigests } from "../src/jobs/email-digests";
import { crontab } from "../src/jobs/tasks";
import { sendEmailDigests } from "../src/notifications/digest";
import { createHarness, type Harness, runQueuedJobs } from "./harness";
import { draft, outcome } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

/** The seed's own unread history would be in every digest; each test starts from a clean queue. */
beforeEach(async () => {
  await sql`delete from email_notification_queue`.execute(h.t.db);
});

async function directConversation(slug: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const sender = await h.as(`resident@${slug}.demo`);
  const { rows } = await sender.conversations.list();
  const conversation = rows.find(
    (r) => r.kind === "direct" && r.others.some((o) => o.name === "Morgan Reyes"),
  );
  if (!conversation) throw new Error(`no direct conversation with the owner in ${slug}`);
  return { owner, sender, conversationId: conversation.id };
}

async function send(
  sender: Awaited<ReturnType<Harness["as"]>>,
  conversationId: string,
  body: string,
  priority: "normal" | "high" = "normal",
) {
  return sender.conversations.send({ conversationId, ...draft(body, { priority }) });
}

/** Digest emails (by subject and body) the dev mailbox holds for this person. */
async function digestsTo(email: string) {
  await runQueuedJobs(h);
  const rows = await h.t.db
    .selectFrom("dev_mailbox")
    .select(["subject", "body", "headers"])
    .where("recipient", "=", email)
    .where("subject", "not like", "%password%")
    .orderBy("id")
    .execute();
  return rows;
}

/** Quiet hours around this moment in UTC, for a person whose time zone is UTC. */
async function quietNow(email: string) {
  await h.t.db.updateTable("users").set({ timezone: "UTC" }).where("email", "=", email).execute();
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  return { start: hhmm(new Date(Date.now() - 60 * MINUTE)), end: hhmm(later(90)) };
}

describe("the bell", () => {
  it("shows a new message as fresh until the person opens it, live counts included", async () => {
    const { owner, sender, conversationId } = await directConversation("standard");
    await owner.notifications.markSeen();
    expect((await owner.notifications.feed()).fresh).toBe(0);
    await send(sender, conversationId, "The hallway light is out again.");
    const feed = await owner.notifications.feed();
    const item = feed.items.find((i) => i.conversationId === conversationId);
    expect(item).toMatchObject({
      kind: "direct_message",
      from: "Riley Chen",
      excerpt: "The hallway light is out again.",
      fresh: true,
    });
    expect(feed.fresh).toBeGreaterThanOrEqual(1);
    expect(feed.unreadMessages).toBeGreaterThanOrEqual(1);
    await owner.notifications.markSeen();
    const seen = await owner.notifications.feed();
    expect(seen.fresh).toBe(0);
    expect(seen.items.find((i) => i.conversationId === conversationId)?.unread).toBeGreaterThan(0);
  });

  it("lists a mention, and marks it read only by an explicit mutation", async () => {
    const { owner, sender, conversationId } = await directConversation("connected");
    const ownerId = await h.userId("owner@connected.demo");
    const residentId = await h.userId("resident@connected.demo");
    const organizationId = (
      await h.t.db
        .selectFrom("users")
        .select("organization_id")
        .where("id", "=", ownerId)
        .executeTakeFirstOrThrow()
    ).organization_id as string;
    await h.t.db.transaction().execute((trx) =>
      writeMessage(trx, {
        organizationId,
        conversationId,
        senderId: residentId,
        clientId: `mention-${Date.now()}`,
        body: "@Morgan could you look at this?",
        type: "general",
        priority: "normal",
        sentAt: new Date(),
        readBy: [residentId],
        mentions: { userIds: [ownerId], by: "Riley Chen" },
      }),
    );
    void sender;
    const feed = await owner.notifications.feed();
    const mention = feed.items.find((i) => i.kind === "mention");
    expect(mention).toMatchObject({ from: "Riley Chen", unread: 1, fresh: true });
    // Reading the feed changed nothing.
    expect((await owner.notifications.feed()).items.find((i) => i.kind === "mention")?.unread).toBe(
      1,
    );
    await owner.notifications.markRead({ ids: [mention!.notificationId!] });
    expect((await owner.notifications.feed()).items.find((i) => i.kind === "mention")?.unread).toBe(
      0,
    );
  });

  it("refuses another organization's notification as not found, and bad ids as bad input", async () => {
    const mine = await h.t.db
      .selectFrom("notifications")
      .innerJoin("users", "users.id", "notifications.user_id")
      .select("notifications.id")
      .where("users.email", "=", "owner@connected.demo")
      .executeTakeFirstOrThrow();
    const stranger = await h.as("owner@standard.demo");
    const colleague = await h.as("team@connected.demo");
    expect(await outcome(() => stranger.notifications.markRead({ ids: [Number(mine.id)] }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => colleague.notifications.markRead({ ids: [Number(mine.id)] }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => stranger.notifications.markRead({ ids: [] }))).toBe("BAD_REQUEST");
    expect(await outcome(() => stranger.notifications.markRead({ ids: [-1] }))).toBe("BAD_REQUEST");
  });

  it("leaves out a kind the person switched off in the app", async () => {
    const { owner, sender, conversationId } = await directConversation("landlord-led");
    await send(sender, conversationId, "Is the parking spot still free?");
    expect(
      (await owner.notifications.feed()).items.some((i) => i.conversationId === conversationId),
    ).toBe(true);
    await owner.notifications.updateSettings({ kinds: { direct_message: { in_app: false } } });
    expect(
      (await owner.notifications.feed()).items.some((i) => i.conversationId === conversationId),
    ).toBe(false);
    await owner.notifications.updateSettings({ kinds: { direct_message: { in_app: true } } });
  });
});

describe("desktop notifications", () => {
  it("alert where the profile offers them, per kind, and never in quiet hours", async () => {
    const { owner, sender, conversationId } = await directConversation("connected");
    await send(sender, conversationId, "The package room is locked.");
    const item = async () =>
      (await owner.notifications.feed()).items.find((i) => i.conversationId === conversationId);
    expect((await item())?.desktop).toBe(true);
    await owner.notifications.updateSettings({ kinds: { direct_message: { desktop: false } } });
    expect((await item())?.desktop).toBe(false);
    await owner.notifications.updateSettings({ kinds: { direct_message: { desktop: true } } });
    await owner.notifications.updateSettings({
      quietHours: await quietNow("owner@connected.demo"),
    });
    expect((await item())?.desktop).toBe(false);
    await owner.notifications.updateSettings({ quietHours: null });
    expect((await item())?.desktop).toBe(true);
  });

  it("are not offered where the profile has none (standard: email, SMS and push)", async () => {
    const owner = await h.as("owner@standard.demo");
    const settings = await owner.notifications.settings();
    expect(settings.channels.find((c) => c.channel === "desktop")).toMatchObject({
      offered: false,
      choosable: false,
      on: false,
      reason: "Desktop notifications aren't available.",
    });
    expect(await outcome(() => owner.notifications.updateSettings({ desktop: true }))).toBe(
      "FORBIDDEN:notification_channel_unavailable",
    );
  });
});

describe("notification settings", () => {
  it("show every channel and kind, and keep what the person chose", async () => {
    const resident = await h.as("resident@connected.demo");
    const settings = await resident.notifications.settings();
    expect(settings.channels.map((c) => [c.channel, c.offered, c.choosable, c.on])).toEqual([
      ["in_app", true, false, true],
      ["desktop", true, true, true],
      ["email", true, true, true],
      // Seed 001 names an icon and email; push is not this profile's (see web-push.test.ts).
      ["push", false, false, false],
      // Nor SMS (seed 004's profile texts; see sms.test.ts).
      ["sms", false, false, false],
    ]);
    expect(settings.kinds.map((k) => k.kind)).toEqual([
      "direct_message",
      "group",
      "broadcast",
      "mention",
      "maintenance",
    ]);
    const saved = await resident.notifications.updateSettings({
      email: false,
      kinds: { broadcast: { desktop: false } },
      quietHours: { start: "22:00", end: "07:00" },
      emailDelayMinutes: 15,
      sound: true,
    });
    expect(saved.channels.find((c) => c.channel === "email")?.on).toBe(false);
    expect(saved.kinds.find((k) => k.kind === "broadcast")?.channels).toEqual({
      in_app: true,
      desktop: false,
      email: true,
      push: true,
      sms: true,
    });
    expect(saved).toMatchObject({
      quietHours: { start: "22:00", end: "07:00" },
      emailDelayMinutes: 15,
      sound: true,
    });
    expect(await resident.notifications.settings()).toEqual(saved);
  });

  it("let the policy fix the channels where people do not choose (landlord-led, seed 004)", async () => {
    const resident = await h.as("resident@landlord-led.demo");
    const settings = await resident.notifications.settings();
    expect(settings.channels.find((c) => c.channel === "email")).toMatchObject({
      offered: true,
      choosable: false,
      on: true,
    });
    expect(await outcome(() => resident.notifications.updateSettings({ email: false }))).toBe(
      "FORBIDDEN",
    );
  });

  it("refuse bad input with BAD_REQUEST and change nothing", async () => {
    const resident = await h.as("roommate@standard.demo");
    const before = await resident.notifications.settings();
    const bad = [
      { quietHours: { start: "25:00", end: "07:00" } },
      { quietHours: { start: "22:00", end: "22:00" } },
      { emailDelayMinutes: 0 },
      { emailDelayMinutes: 1.5 },
      { kinds: { sms_blast: { email: false } } },
      { kinds: { broadcast: { fax: false } } },
      { unknown: true },
    ];
    for (const input of bad)
      expect(
        await outcome(() =>
          resident.notifications.updateSettings(
            input as Parameters<typeof resident.notifications.updateSettings>[0],
          ),
        ),
      ).toBe("BAD_REQUEST");
    expect(await resident.notifications.settings()).toEqual(before);
  });
});

describe("the email digest", () => {
  it("waits the person's delay, skips what was read, and batches the rest into one email", async () => {
    const { owner, sender, conversationId } = await directConversation("standard");
    const ownerEmail = "owner@standard.demo";
    const mailBefore = (await digestsTo(ownerEmail)).length;
    const first = await send(sender, conversationId, "Digest one: the sink drips.");
    await send(sender, conversationId, "Digest two: and the tap squeaks.");
    expect((await sendEmailDigests(h.deps, later(1))).emails).toBe(0);
    const run = await sendEmailDigests(h.deps, later(6));
    expect(run.emails).toBe(1);
    const mail = (await digestsTo(ownerEmail)).slice(mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe("2 unread messages in Maple Residential");
    expect(mail[0]?.body).toContain("Digest one: the sink drips.");
    expect(mail[0]?.body).toContain("Digest two: and the tap squeaks.");
    expect(mail[0]?.body).toContain(`http://manager.test/inbox/${conversationId}`);
    expect(mail[0]?.headers).toMatchObject({
      From: "Maple Residential",
      "Reply-To": "owner@standard.demo",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail[0]?.headers["List-Unsubscribe"]).toMatch(
      /^<http:\/\/manager\.test\/unsubscribe\/[0-9a-f-]{36}\.[\w-]+>$/,
    );
    // Exactly once: later runs send nothing more about these messages.
    expect((await sendEmailDigests(h.deps, later(30))).emails).toBe(0);
    void first;
    void owner;
  });

  it("sends nothing about a message read before its delay ran out", async () => {
    const { owner, sender, conversationId } = await directConversation("standard");
    const before = (await digestsTo("owner@standard.demo")).length;
    const sent = await send(sender, conversationId, "Read in time, no email please.");
    await owner.conversations.markRead({ id: conversationId, upToMessageId: sent.id });
    expect((await sendEmailDigests(h.deps, later(10))).emails).toBe(0);
    expect(await digestsTo("owner@standard.demo")).toHaveLength(before);
    const left = await h.t.db.selectFrom("email_notification_queue").select("message_id").execute();
    expect(left.map((r) => Number(r.message_id))).not.toContain(sent.id);
  });

  it("follows the person's delay setting", async () => {
    const { owner, sender, conversationId } = await directConversation("connected");
    await owner.notifications.updateSettings({ emailDelayMinutes: 30 });
    await send(sender, conversationId, "Slow digest please.");
    expect((await sendEmailDigests(h.deps, later(10))).emails).toBe(0);
    const run = await sendEmailDigests(h.deps, later(31));
    expect(run.emails).toBe(1);
    await owner.notifications.updateSettings({ emailDelayMinutes: 5 });
  });

  it("is neither lost nor doubled by a crash in the middle of a run", async () => {
    const { sender, conversationId } = await directConversation("landlord-led");
    const before = (await digestsTo("owner@landlord-led.demo")).length;
    await send(sender, conversationId, "Crash-proof digest.");
    const crash = new Error("the worker died");
    await expect(
      sendEmailDigests(h.deps, later(6), async () => {
        throw crash;
      }),
    ).rejects.toBe(crash);
    expect(await digestsTo("owner@landlord-led.demo")).toHaveLength(before);
    // Two runs racing after the restart: one digest between them.
    const runs = await Promise.all([
      sendEmailDigests(h.deps, later(6)),
      sendEmailDigests(h.deps, later(6)),
    ]);
    expect(runs.map((r) => r.emails).sort()).toEqual([0, 1]);
    const mail = (await digestsTo("owner@landlord-led.demo")).slice(before);
    expect(mail.map((m) => m.subject)).toEqual(["New message from Riley Chen"]);
    await runQueuedJobs(h);
    expect(await digestsTo("owner@landlord-led.demo")).toHaveLength(before + 1);
  });

  it("holds back in quiet hours, and lets a high-priority message through where the organization allows", async () => {
    // The manager writes; the resident is the one with quiet hours.
    const {
      owner: sender,
      sender: resident,
      conversationId,
    } = await directConversation("standard");
    const residentEmail = "resident@standard.demo";
    await resident.notifications.updateSettings({ quietHours: await quietNow(residentEmail) });
    const before = (await digestsTo(residentEmail)).length;
    await send(sender, conversationId, "Quiet: nothing urgent.");
    expect((await sendEmailDigests(h.deps, later(6))).emails).toBe(0);
    await send(sender, conversationId, "Water is pouring through the ceiling!", "high");
    expect((await sendEmailDigests(h.deps, later(6))).emails).toBe(1);
    const urgent = (await digestsTo(residentEmail)).slice(before);
    expect(urgent).toHaveLength(1);
    expect(urgent[0]?.body).toContain("[High priority]");
    expect(urgent[0]?.body).not.toContain("Quiet: nothing urgent.");

    // The organization turns the floor off: high priority waits for the morning too.
    await h.t.db
      .updateTable("organizations")
      .set({ policy_overrides: JSON.stringify({ urgentBreaksQuietHours: false }) })
      .where("slug", "=", "standard")
      .execute();
    await send(sender, conversationId, "Another urgent one.", "high");
    expect((await sendEmailDigests(h.deps, later(6))).emails).toBe(0);
    await h.t.db
      .updateTable("organizations")
      .set({ policy_overrides: "{}" })
      .where("slug", "=", "standard")
      .execute();
    await resident.notifications.updateSettings({ quietHours: null });
    // After quiet hours, what waited goes out in one digest.
    const run = await sendEmailDigests(h.deps, later(7));
    expect(run.emails).toBe(1);
    const morning = (await digestsTo(residentEmail)).slice(before + 1);
    expect(morning[0]?.body).toContain("Quiet: nothing urgent.");
    expect(morning[0]?.body).toContain("Another urgent one.");
  });

  it("skips kinds and people with email off", async () => {
    const { owner, sender, conversationId } = await directConversation("connected");
    await owner.notifications.updateSettings({ kinds: { direct_message: { email: false } } });
    await send(sender, conversationId, "No email for direct messages.");
    expect((await sendEmailDigests(h.deps, later(6))).emails).toBe(0);
    await owner.notifications.updateSettings({ kinds: { direct_message: { email: true } } });
  });
});

describe("the digest job", () => {
  it("runs every minute and books a run for when the next message becomes due", async () => {
    expect(crontab).toContain("* * * * * send_email_digests");
    const { sender, conversationId } = await directConversation("standard");
    const sentAt = Date.now();
    await send(sender, conversationId, "Book the next run for me.");
    await runEmailDigests({ ...h.deps }, new Date());
    const { rows } = await sql<{ run_at: Date }>`
      select run_at from graphile_worker.jobs where key = 'send_email_digests:next'`.execute(
      h.t.db,
    );
    expect(rows).toHaveLength(1);
    const due = new Date(rows[0]!.run_at).getTime() - sentAt;
    expect(due).toBeGreaterThan(4 * MINUTE);
    expect(due).toBeLessThan(6 * MINUTE);
  });
});

describe("unsubscribing", () => {
  it("turns email notifications off with the link's signed token, in one click and without signing in", async () => {
    const { sender, conversationId } = await directConversation("connected");
    await send(sender, conversationId, "Connected digest please.");
    await sendEmailDigests(h.deps, later(6));
    const mail = (await digestsTo("owner@connected.demo")).at(-1);
    const link = mail?.headers["List-Unsubscribe"]?.slice(1, -1) ?? "";
    const token = link.split("/unsubscribe/")[1] ?? "";
    expect(token).not.toBe("");
    const { caller } = h.anonymous("manager");
    expect(await caller.notifications.unsubscribe({ token })).toMatchObject({ unsubscribed: true });
    const settings = await (await h.as("owner@connected.demo")).notifications.settings();
    expect(settings.channels.find((c) => c.channel === "email")?.on).toBe(false);
    await send(sender, conversationId, "After unsubscribing.");
    expect((await sendEmailDigests(h.deps, later(6))).emails).toBe(0);
  });

  it("refuses a forged or malformed token", async () => {
    const { caller } = h.anonymous("resident");
    const residentId = await h.userId("resident@standard.demo");
    for (const token of [`${residentId}.forged`, "nonsense", `${residentId}`, "a.b.c"])
      expect(await outcome(() => caller.notifications.unsubscribe({ token }))).toBe("BAD_REQUEST");
    expect(await outcome(() => caller.notifications.unsubscribe({ token: "" }))).toBe(
      "BAD_REQUEST",
    );
  });
});
