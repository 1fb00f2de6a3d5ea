import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, participantsOf, rowCounts } from "./harness";
import { draft, outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const written = () =>
  rowCounts(h, {
    conversations: "conversations",
    participants: "conversation_participants",
    messages: "messages",
    notifications: "notifications",
  });

async function override(slug: string, overrides: Record<string, unknown>) {
  const operator = await h.as("operator@platform.demo");
  const org = await h.t.db
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const { settingsVersion } = await operator.operator.organization({ id: org.id });
  await operator.operator.setOverrides({ organizationId: org.id, settingsVersion, overrides });
}

const threeResidents = ["resident", "roommate", "future"] as const;

/** An announcement from the standard account owner to three residents. */
async function announceToThree(body: string) {
  const owner = await h.as("owner@standard.demo");
  const userIds = await Promise.all(threeResidents.map((r) => h.userId(`${r}@standard.demo`)));
  return owner.broadcasts.send({
    audience: { type: "specific", userIds },
    clientId: randomUUID(),
    body,
    type: "general",
    copyToEmail: false,
  });
}

const reply = (body: string) => ({ clientId: randomUUID(), body });

describe("standard, broadcasts and replies turned on by the operator", () => {
  beforeAll(() => override("standard", { broadcasts: true, broadcastNoReply: false }));

  it("recipients never see each other: header, participants, details, inbox and search", async () => {
    const riley = await h.as("resident@standard.demo");
    const peopleBefore = (await riley.search.filterOptions()).people;
    const sent = await announceToThree("Parking lot repaving on Friday.");
    expect(sent.recipientCount).toBe(3);
    const others = ["Sam Patel", "Jordan Ellis"];
    const opened = await riley.conversations.get({ id: sent.conversationId });
    // Standard announcements come from their author (the manager's signature), and only them.
    expect(opened.participants.map((p) => p.name)).toEqual(["Morgan Reyes", "Riley Chen"]);
    expect(opened.displayTitle).toBe("Maple Residential");
    for (const person of opened.details ?? []) expect(person.name).toBe("Morgan Reyes");
    const row = (await riley.conversations.list()).rows.find((r) => r.id === sent.conversationId);
    expect(row?.others.map((o) => o.name)).toEqual(["Morgan Reyes"]);
    const page = await riley.conversations.messages({ id: sent.conversationId });
    expect(page.messages[0]?.seenBy).toBeNull();
    for (const name of others) expect(JSON.stringify(opened)).not.toContain(name);
    // Search offers the people Riley shares a conversation with, and nobody new.
    expect((await riley.search.filterOptions()).people).toEqual(peopleBefore);
    expect(peopleBefore.map((p) => p.name)).not.toContain("Jordan Ellis");
    // The managers see the whole audience.
    const owner = await h.as("owner@standard.demo");
    const managerView = await owner.conversations.get({ id: sent.conversationId });
    expect(managerView.participants.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Riley Chen", ...others]),
    );
  });

  it("an answer can't go back into the announcement: the recipient is sent to Reply privately", async () => {
    const sent = await announceToThree("Gym closed Monday.");
    const riley = await h.as("resident@standard.demo");
    const opened = await riley.conversations.get({ id: sent.conversationId });
    expect(opened.capabilities.reply).toMatchObject({ allowed: false, code: "reply_privately" });
    expect(opened.capabilities.replyPrivately).toMatchObject({ allowed: true });
    const before = await written();
    const refusal = await refusalOf(() =>
      riley.conversations.send({ conversationId: sent.conversationId, ...draft("Ok!") }),
    );
    expect(refusal).toEqual({
      code: "reply_privately",
      reason: "Answers to an announcement go only to your property manager: use Reply privately.",
    });
    expect(await written()).toEqual(before);
    // The managers may still follow up to everyone.
    const owner = await h.as("owner@standard.demo");
    expect(
      await outcome(() =>
        owner.conversations.send({ conversationId: sent.conversationId, ...draft("Reopens Tue") }),
      ),
    ).toBe("ok");
  });

  it("reply privately opens one conversation between that recipient and the managers", async () => {
    const sent = await announceToThree("Water off 9-11am.");
    const riley = await h.as("resident@standard.demo");
    const first = await riley.broadcasts.replyPrivately({
      conversationId: sent.conversationId,
      ...reply("Does this include the laundry room?"),
    });
    expect(first.created).toBe(true);
    expect(await participantsOf(h, first.conversationId)).toEqual([
      "owner@standard.demo",
      "resident@standard.demo",
    ]);
    const again = await riley.broadcasts.replyPrivately({
      conversationId: sent.conversationId,
      ...reply("And the garage?"),
    });
    expect(again).toMatchObject({ conversationId: first.conversationId, created: false });
    const owner = await h.as("owner@standard.demo");
    const row = (await owner.conversations.list()).rows.find((r) => r.id === first.conversationId);
    expect(row).toMatchObject({ kind: "direct", displayTitle: "Re: Water off 9-11am.", unread: 2 });
    // The other recipients see neither the answer nor its conversation.
    const sam = await h.as("roommate@standard.demo");
    expect((await sam.conversations.list()).rows.map((r) => r.id)).not.toContain(
      first.conversationId,
    );
    const announcement = await sam.conversations.messages({ id: sent.conversationId });
    expect(announcement.messages.map((m) => m.body)).toEqual(["Water off 9-11am."]);
    expect(await outcome(() => sam.conversations.get({ id: first.conversationId }))).toBe(
      "NOT_FOUND",
    );
  });

  it("the report: delivered to 3, 2 of 3 read, who hasn't, and a reminder once a day", async () => {
    const sent = await announceToThree("Fire alarm test at noon.");
    const owner = await h.as("owner@standard.demo");
    expect(await owner.broadcasts.report({ conversationId: sent.conversationId })).toMatchObject({
      delivered: 3,
      readCount: 0,
    });
    for (const role of ["resident", "roommate"] as const)
      await (await h.as(`${role}@standard.demo`)).conversations.markRead({
        id: sent.conversationId,
        upToMessageId: sent.messageId,
      });
    const report = await owner.broadcasts.report({ conversationId: sent.conversationId });
    expect(report).toMatchObject({ delivered: 3, readCount: 2 });
    expect(report.unread.map((p) => p.name)).toEqual(["Jordan Ellis"]);
    expect(report.read.map((p) => p.name)).toEqual(["Riley Chen", "Sam Patel"]);
    const listed = (await owner.broadcasts.sent()).rows.find((r) => r.id === sent.conversationId);
    expect(listed).toMatchObject({ delivered: 3, readCount: 2, body: "Fire alarm test at noon." });

    const before = await written();
    expect(await owner.broadcasts.remindUnread({ conversationId: sent.conversationId })).toEqual({
      reminded: 1,
      emailed: 0,
      alreadyRemindedToday: 0,
    });
    expect(await written()).toEqual({ ...before, notifications: before.notifications + 1 });
    expect(
      (await owner.broadcasts.remindUnread({ conversationId: sent.conversationId })).reminded,
    ).toBe(0);
    const reminder = await h.t.db
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("message_id", "=", sent.messageId)
      .executeTakeFirstOrThrow();
    expect(reminder).toEqual({
      user_id: await h.userId("future@standard.demo"),
      kind: "announcement_reminder",
    });
  });

  it("authorization: managers only, this organization's announcements only, bad input named", async () => {
    const sent = await announceToThree("Quiet hours reminder.");
    const riley = await h.as("resident@standard.demo");
    const before = await written();
    for (const call of [
      () => riley.broadcasts.report({ conversationId: sent.conversationId }),
      () => riley.broadcasts.remindUnread({ conversationId: sent.conversationId }),
      () => riley.broadcasts.sent(),
    ])
      expect(await outcome(call)).toBe("FORBIDDEN");
    const foreign = await h.as("owner@coworking.demo");
    expect(
      await outcome(() => foreign.broadcasts.report({ conversationId: sent.conversationId })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(() => foreign.broadcasts.remindUnread({ conversationId: sent.conversationId })),
    ).toBe("NOT_FOUND");
    const member = await h.as("resident@coworking.demo");
    expect(
      await outcome(() =>
        member.broadcasts.replyPrivately({ conversationId: sent.conversationId, ...reply("Hi") }),
      ),
    ).toBe("NOT_FOUND");
    // A conversation that is not an announcement has no report and no private answer.
    const direct = await h.t.db
      .selectFrom("conversations as c")
      .innerJoin("conversation_participants as p", "p.conversation_id", "c.id")
      .select("c.id")
      .where("c.kind", "=", "direct")
      .where("p.user_id", "=", await h.userId("resident@standard.demo"))
      .executeTakeFirstOrThrow();
    const owner = await h.as("owner@standard.demo");
    expect(await outcome(() => owner.broadcasts.report({ conversationId: direct.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await refusalOf(() =>
          riley.broadcasts.replyPrivately({ conversationId: direct.id, ...reply("Hi") }),
        )
      ).code,
    ).toBe("not_participant");
    const empty = await riley.broadcasts
      .replyPrivately({ conversationId: sent.conversationId, clientId: randomUUID(), body: " " })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(empty).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((empty as Error).message)).toMatch(/Write a message/);
    expect(await written()).toEqual(before);
  });
});

describe("coworking (seed 003): announcements come from the space", () => {
  it("Because there is no one to reply to, the message intentionally comes from the space, not a specific admin.", async () => {
    const team = await h.as("team@coworking.demo");
    const sent = await team.broadcasts.send({
      audience: { type: "all" },
      clientId: randomUUID(),
      body: "Kitchen cleaning on Thursday.",
      type: "general",
      copyToEmail: false,
    });
    const member = await h.as("resident@coworking.demo");
    const opened = await member.conversations.get({ id: sent.conversationId });
    expect(opened.participants.map((p) => p.name)).toEqual(["Riley Chen"]);
    expect(opened.displayTitle).toBe("Foundry Workspace");
    expect(JSON.stringify(opened)).not.toContain("Taylor Brooks");
    // A follow-up by an admin shows as the space too.
    await team.conversations.send({
      conversationId: sent.conversationId,
      ...draft("Sorry, Friday"),
    });
    const page = await member.conversations.messages({ id: sent.conversationId });
    expect(page.messages.map((m) => [m.senderId, m.senderName])).toEqual([
      [null, "Foundry Workspace"],
      [null, "Foundry Workspace"],
    ]);
    // Search shows it as the thread does: from the space, in hits and in the people to filter by.
    const found = await member.search.messages({
      q: "Friday",
      conversationId: sent.conversationId,
    });
    expect(found.hits.map((hit) => [hit.senderId, hit.senderName])).toEqual([
      [null, "Foundry Workspace"],
    ]);
    expect(JSON.stringify(found)).not.toContain("Taylor Brooks");
    const options = await member.search.filterOptions();
    expect(options.people.map((person) => person.name)).not.toContain("Taylor Brooks");
    const privately = await refusalOf(() =>
      member.broadcasts.replyPrivately({ conversationId: sent.conversationId, ...reply("Ok") }),
    );
    expect(privately.code).toBe("no_reply");
    expect(privately.reason).toMatch(/comes from the space/);
  });
});

describe("when broadcasts are off, who can turn them on", () => {
  it("standard: broadcasts are an override the operator can set", async () => {
    await override("standard", {});
    const composer = await (await h.as("owner@standard.demo")).broadcasts.composer();
    expect(composer.can).toMatchObject({ allowed: false, code: "broadcast_unavailable" });
    expect(composer.remedy).toEqual({
      who: "operator",
      sentence: `Your operator can turn this on in your organization's settings ("Broadcast messages").`,
    });
  });

  for (const [slug, profile] of [
    ["connected", "Connected users"],
    ["landlord-led", "Landlord-led"],
  ] as const) {
    it(`${slug}: the profile has them off; the operator can change the profile`, async () => {
      const composer = await (await h.as(`owner@${slug}.demo`)).broadcasts.composer();
      expect(composer.remedy?.who).toBe("operator");
      expect(composer.remedy?.sentence).toContain("your operator can move your organization");
      expect(composer.remedy?.sentence).toContain(profile);
    });
  }

  it("a sub-user without the permission is sent to the account owner", async () => {
    await override("standard", { broadcasts: true });
    const composer = await (await h.as("team@standard.demo")).broadcasts.composer();
    expect(composer.can.code).toBe("missing_permission");
    expect(composer.remedy).toEqual({
      who: "account_owner",
      sentence: "Your account owner can give your account this permission.",
    });
  });
});
