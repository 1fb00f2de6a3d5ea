import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHarness,
  type Harness,
  participantsOf as participantsIn,
  rowCounts,
  runQueuedJobs,
} from "./harness";
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
    mail: "dev_mailbox",
    outbox: "outbound_emails",
  });

async function propertyId(name: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("properties")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirstOrThrow()
  ).id;
}

const message = (body: string, extra: { copyToEmail?: boolean } = {}) => ({
  clientId: randomUUID(),
  body,
  type: "general" as const,
  copyToEmail: extra.copyToEmail ?? false,
});

const everyMember = [
  "former@coworking.demo",
  "future@coworking.demo",
  "invited@coworking.demo",
  "resident@coworking.demo",
  "roommate@coworking.demo",
];

describe("coworking (seed 003): messages from the space", () => {
  it("The To field dropdown menu offers three options to pinpoint the recipients with a clear indication of their number", async () => {
    const owner = await h.as("owner@coworking.demo");
    const { can, compose } = await owner.broadcasts.composer();
    expect(can.allowed).toBe(true);
    expect(compose).toMatchObject({
      audiences: {
        all: { allowed: true },
        filtered: { allowed: true },
        specific: { allowed: true },
      },
      filters: { property: true, member_status: true, plan: true, lease_status: false },
      showRecipientCount: true,
      noReply: true,
      sender: "organization",
      plans: ["Dedicated desk", "Hot desk"],
    });
    expect(compose?.properties.map((p) => p.name)).toEqual([
      "Foundry Downtown",
      "Foundry Riverside",
    ]);
    expect(compose?.people.map((p) => p.name)).toEqual([
      "Avery Kim",
      "Casey Moreno",
      "Jordan Ellis",
      "Riley Chen",
      "Sam Patel",
    ]);
  });

  it("All contacts - send the message to all contacts.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const preview = await owner.broadcasts.preview({ audience: { type: "all" } });
    expect(preview.count).toBe(5);
    expect(preview.names).toEqual([
      "Avery Kim",
      "Casey Moreno",
      "Jordan Ellis",
      "Riley Chen",
      "Sam Patel",
    ]);
    expect(preview.decision.allowed).toBe(true);

    const sent = await owner.broadcasts.send({
      audience: { type: "all" },
      ...message("The wifi password changes on Monday."),
    });
    expect(sent).toMatchObject({ created: true, recipientCount: 5, emailed: 0 });
    expect(await participantsIn(h, sent.conversationId)).toEqual(
      ["owner@coworking.demo", ...everyMember].sort(),
    );
    const row = await h.t.db
      .selectFrom("conversations as c")
      .innerJoin("messages as m", "m.conversation_id", "c.id")
      .select(["c.kind", "c.title", "c.no_reply", "m.sender_id", "m.client_id", "m.body"])
      .where("c.id", "=", sent.conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "broadcast",
      title: "Foundry Workspace",
      no_reply: true,
      sender_id: null,
      body: "The wifi password changes on Monday.",
    });
  });

  it("These messages will come from your space's name and appear on the Messages page on the Member Portal.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const sent = await owner.broadcasts.send({
      audience: { type: "all" },
      ...message("Coffee machine fixed."),
    });
    const member = await h.as("roommate@coworking.demo");
    const row = (await member.conversations.list()).rows.find((r) => r.id === sent.conversationId);
    expect(row).toMatchObject({
      kind: "broadcast",
      channel: "announcements",
      displayTitle: "Foundry Workspace",
      unread: 1,
    });
    const page = await member.conversations.messages({ id: sent.conversationId });
    expect(page.messages[0]).toMatchObject({ senderId: null, senderName: "Foundry Workspace" });
    // The sender has read what they sent.
    const mine = (await owner.conversations.list()).rows.find((r) => r.id === sent.conversationId);
    expect(mine?.unread).toBe(0);
  });

  it("The member can answer via email but not via the Member Portal … Because there is no one to reply to, the message intentionally comes from the space, not a specific admin.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const sent = await owner.broadcasts.send({
      audience: { type: "all" },
      ...message("Fire drill at noon."),
    });
    const member = await h.as("resident@coworking.demo");
    const before = await written();
    const refusal = await refusalOf(() =>
      member.conversations.send({ conversationId: sent.conversationId, ...draft("Ok") }),
    );
    expect(refusal.code).toBe("no_reply");
    expect(refusal.reason).toMatch(/comes from the space/);
    expect(await written()).toEqual(before);
  });

  it("Filtered group of contacts - filter by Location, Status, and Plan. The system will also show you the number of people receiving the message after filtering.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const count = async (filters: Record<string, string[]>) =>
      (await owner.broadcasts.preview({ audience: { type: "filtered", filters } })).count;
    const downtown = await propertyId("Foundry Downtown");
    const riverside = await propertyId("Foundry Riverside");
    expect(await count({ propertyIds: [downtown] })).toBe(3);
    expect(await count({ propertyIds: [riverside] })).toBe(2);
    expect(await count({ propertyIds: [downtown, riverside] })).toBe(5);
    expect(await count({ memberStatuses: ["inactive"] })).toBe(1);
    expect(await count({ memberStatuses: ["active"] })).toBe(4);
    expect(await count({ plans: ["Hot desk"] })).toBe(1);
    expect(await count({ plans: ["Dedicated desk"] })).toBe(4);
    expect(await count({ propertyIds: [downtown], plans: ["Dedicated desk"] })).toBe(2);

    const sent = await owner.broadcasts.send({
      audience: {
        type: "filtered",
        filters: { propertyIds: [downtown], plans: ["Dedicated desk"] },
      },
      ...message("Downtown dedicated desks: new lockers."),
    });
    expect(sent.recipientCount).toBe(2);
    expect(await participantsIn(h, sent.conversationId)).toEqual([
      "future@coworking.demo",
      "owner@coworking.demo",
      "resident@coworking.demo",
    ]);

    // Lease status is not one of this vendor's filters.
    const byLease = await owner.broadcasts.preview({
      audience: { type: "filtered", filters: { leaseStatuses: ["active"] } },
    });
    expect(byLease.decision).toMatchObject({ allowed: false, code: "filter_unavailable" });
    const before = await written();
    const refusal = await refusalOf(() =>
      owner.broadcasts.send({
        audience: { type: "filtered", filters: { leaseStatuses: ["active"] } },
        ...message("Active leases only"),
      }),
    );
    expect(refusal.code).toBe("filter_unavailable");
    const nobody = await refusalOf(() =>
      owner.broadcasts.send({
        audience: { type: "filtered", filters: { plans: ["Private office"] } },
        ...message("Private offices"),
      }),
    );
    expect(nobody.code).toBe("no_recipients");
    expect(await written()).toEqual(before);
  });

  it("Specific contacts - select by name. You can select multiple members.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const ids = [
      await h.userId("resident@coworking.demo"),
      await h.userId("roommate@coworking.demo"),
    ];
    const preview = await owner.broadcasts.preview({
      audience: { type: "specific", userIds: ids },
    });
    expect(preview).toMatchObject({ count: 2, names: ["Riley Chen", "Sam Patel"], excluded: [] });
    const sent = await owner.broadcasts.send({
      audience: { type: "specific", userIds: ids },
      ...message("Your mail has arrived."),
    });
    expect(await participantsIn(h, sent.conversationId)).toEqual([
      "owner@coworking.demo",
      "resident@coworking.demo",
      "roommate@coworking.demo",
    ]);
    // Service pros are not contacts of the space: left out with the reason, the rest still get it.
    const withPro = await owner.broadcasts.preview({
      audience: {
        type: "specific",
        userIds: [ids[0]!, await h.userId("pro@coworking.demo")],
      },
    });
    expect(withPro.count).toBe(1);
    expect(withPro.excluded).toEqual([{ name: "Devon Hart", reason: expect.any(String) }]);
    const empty = await owner.broadcasts.preview({ audience: { type: "specific", userIds: [] } });
    expect(empty.decision).toMatchObject({ allowed: false, code: "no_recipients" });
  });

  it("Send an email - if the box is checked, the system will also email the contacts as long as they have an email in their member profile.", async () => {
    const owner = await h.as("owner@coworking.demo");
    const composer = await owner.broadcasts.composer();
    expect(composer.compose?.copyToEmail.allowed).toBe(true);
    const sent = await owner.broadcasts.send({
      audience: {
        type: "specific",
        userIds: [await h.userId("future@coworking.demo"), await h.userId("former@coworking.demo")],
      },
      ...message("Your access card is ready at reception.", { copyToEmail: true }),
    });
    expect(sent.emailed).toBe(2);
    await runQueuedJobs(h);
    for (const email of ["future@coworking.demo", "former@coworking.demo"]) {
      const mail = await h.mailTo(email);
      expect(mail.at(-1)).toMatchObject({ subject: "Message from Foundry Workspace" });
      expect(mail.at(-1)?.body).toContain("Your access card is ready at reception.");
    }
    expect(await h.mailTo("roommate@coworking.demo")).toEqual([]);
    const stored = await h.t.db
      .selectFrom("messages")
      .select("copy_to_email")
      .where("id", "=", sent.messageId)
      .executeTakeFirstOrThrow();
    expect(stored.copy_to_email).toBe(true);
  });

  it("As an admin, you can send messages to your community: a sub-user admin may broadcast", async () => {
    const team = await h.as("team@coworking.demo");
    expect(
      await outcome(() =>
        team.broadcasts.send({ audience: { type: "all" }, ...message("Welcome drinks at 6.") }),
      ),
    ).toBe("ok");
  });

  it("a member cannot broadcast (messages as a member go to one member only), and nothing is written", async () => {
    const member = await h.as("resident@coworking.demo");
    const before = await written();
    expect(
      (await refusalOf(() => member.broadcasts.preview({ audience: { type: "all" } }))).code,
    ).toBe("broadcast_managers_only");
    expect(
      (
        await refusalOf(() =>
          member.broadcasts.send({ audience: { type: "all" }, ...message("Party!") }),
        )
      ).code,
    ).toBe("broadcast_managers_only");
    const composer = await member.broadcasts.composer();
    expect(composer).toMatchObject({ can: { allowed: false }, compose: null });
    expect(await written()).toEqual(before);
  });

  it("is idempotent on the client id: a retry returns the first broadcast and sends nothing more", async () => {
    const owner = await h.as("owner@coworking.demo");
    const draft = message("Parking lot closed tomorrow.", { copyToEmail: true });
    const first = await owner.broadcasts.send({ audience: { type: "all" }, ...draft });
    const before = await written();
    const retry = await owner.broadcasts.send({ audience: { type: "all" }, ...draft });
    expect(retry).toEqual({ ...first, created: false, emailed: 0 });
    expect(await written()).toEqual(before);

    const concurrent = message("Two tabs, one broadcast.");
    const results = await Promise.all([
      owner.broadcasts.send({ audience: { type: "all" }, ...concurrent }),
      owner.broadcasts.send({ audience: { type: "all" }, ...concurrent }),
    ]);
    expect(results[0].conversationId).toBe(results[1].conversationId);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("another organization's people or locations are not found, and nothing is written", async () => {
    const owner = await h.as("owner@coworking.demo");
    const before = await written();
    expect(
      await outcome(async () =>
        owner.broadcasts.send({
          audience: { type: "specific", userIds: [await h.userId("resident@connected.demo")] },
          ...message("Hi"),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(async () =>
        owner.broadcasts.preview({
          audience: {
            type: "filtered",
            filters: { propertyIds: [await propertyId("Harbor View")] },
          },
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await written()).toEqual(before);
  });
});

describe("profiles without broadcasts", () => {
  for (const [slug, sentence] of [
    ["connected", "The Property Message Board is how this vendor addresses everyone at once."],
    ["landlord-led", "Whole-unit group chats are how this vendor reaches several tenants at once."],
    ["standard", "The article describes individual messages only."],
  ] as const) {
    it(`${slug}: ${sentence}`, async () => {
      const owner = await h.as(`owner@${slug}.demo`);
      const composer = await owner.broadcasts.composer();
      expect(composer.can).toMatchObject({ allowed: false, code: "broadcast_unavailable" });
      expect(composer.compose).toBeNull();
      const before = await written();
      const refusal = await refusalOf(() =>
        owner.broadcasts.send({ audience: { type: "all" }, ...message("Hello everyone") }),
      );
      expect(refusal.code).toBe("broadcast_unavailable");
      expect(
        (await refusalOf(() => owner.broadcasts.preview({ audience: { type: "all" } }))).code,
      ).toBe("broadcast_unavailable");
      expect(await written()).toEqual(before);
    });
  }
});

describe("standard with broadcasts turned on by an override", () => {
  beforeAll(async () => {
    const operator = await h.as("operator@platform.demo");
    const org = await h.t.db
      .selectFrom("organizations")
      .select("id")
      .where("slug", "=", "standard")
      .executeTakeFirstOrThrow();
    const { settingsVersion } = await operator.operator.organization({ id: org.id });
    await operator.operator.setOverrides({
      organizationId: org.id,
      settingsVersion,
      overrides: { broadcasts: true },
    });
  });

  it("Messages carry the manager's professional signature, so they come from a person.", async () => {
    const owner = await h.as("owner@standard.demo");
    const sent = await owner.broadcasts.send({
      audience: { type: "all" },
      ...message("Pool opens Saturday."),
    });
    const row = await h.t.db
      .selectFrom("messages")
      .select("sender_id")
      .where("id", "=", sent.messageId)
      .executeTakeFirstOrThrow();
    expect(row.sender_id).toBe(await h.userId("owner@standard.demo"));
    // Residents with an active or future lease; former residents, pros and owners are not contacts.
    expect(sent.recipientCount).toBe(4);
  });

  it("filters by location and lease status", async () => {
    const owner = await h.as("owner@standard.demo");
    const preview = await owner.broadcasts.preview({
      audience: {
        type: "filtered",
        filters: { propertyIds: [await propertyId("Maple Court")], leaseStatuses: ["active"] },
      },
    });
    expect(preview.names).toEqual(["Riley Chen", "Sam Patel"]);
  });

  it("Announcements speak for the company, so the account owner grants them: a sub-user needs the permission", async () => {
    const team = await h.as("team@standard.demo");
    const refusal = await refusalOf(() =>
      team.broadcasts.send({ audience: { type: "all" }, ...message("From the team") }),
    );
    expect(refusal.code).toBe("missing_permission");
  });

  it("Residents choose email notifications instead; a copy of the message is not described.", async () => {
    const owner = await h.as("owner@standard.demo");
    const before = await written();
    const refusal = await refusalOf(() =>
      owner.broadcasts.send({
        audience: { type: "all" },
        ...message("With a copy", { copyToEmail: true }),
      }),
    );
    expect(refusal.code).toBe("copy_to_email_unavailable");
    expect(await written()).toEqual(before);
  });
});
