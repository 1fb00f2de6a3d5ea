import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHarness,
  type Harness,
  participantsOf as participantsIn,
  rowCounts,
} from "./harness";
import { draft, outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const written = () =>
  rowCounts(h, {
    requests: "maintenance_requests",
    conversations: "conversations",
    participants: "conversation_participants",
    messages: "messages",
  });

async function unitId(slug: string, name: string): Promise<string> {
  return (
    await h.t.db
      .selectFrom("units")
      .innerJoin("organizations as o", "o.id", "units.organization_id")
      .select("units.id")
      .where("o.slug", "=", slug)
      .where("units.name", "=", name)
      .executeTakeFirstOrThrow()
  ).id;
}

async function setThreads(email: string, enabled: boolean) {
  await (await h.as(email)).maintenance.setMaintenanceThreads({ enabled });
}

const request = (title: string) => ({ title, description: `${title}: please take a look.` });

describe("connected (seeds 001-002): one thread per maintenance request", () => {
  it("If your Tenant submits the Maintenance request, the system also automatically creates a separate “Maintenance Requests“ thread on your end.", async () => {
    const resident = await h.as("resident@connected.demo");
    const result = await resident.maintenance.submit(request("Broken window latch"));
    expect(result.conversationId).not.toBeNull();
    expect(result.threadReason).toBeNull();
    const conversationId = result.conversationId!;
    expect(await participantsIn(h, conversationId)).toEqual([
      "owner@connected.demo",
      "resident@connected.demo",
      "team@connected.demo",
    ]);

    const owner = await h.as("owner@connected.demo");
    const row = (await owner.conversations.list()).rows.find((r) => r.id === conversationId);
    expect(row).toMatchObject({
      kind: "maintenance",
      channel: "maintenance",
      displayTitle: "Broken window latch",
      unread: 1,
    });
    const page = await owner.conversations.messages({ id: conversationId });
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0]).toMatchObject({
      body: "Broken window latch: please take a look.",
      type: "maintenance",
      senderName: "Riley Chen",
    });
    const filed = await h.t.db
      .selectFrom("maintenance_requests")
      .select(["unit_id", "submitted_by", "title"])
      .where("id", "=", result.requestId)
      .executeTakeFirstOrThrow();
    expect(filed).toEqual({
      unit_id: await unitId("connected", "101"),
      submitted_by: await h.userId("resident@connected.demo"),
      title: "Broken window latch",
    });
    // Both sides keep talking in it.
    expect(
      await outcome(() => owner.conversations.send({ conversationId, ...draft("On my way") })),
    ).toBe("ok");
    expect(
      await outcome(() => resident.conversations.send({ conversationId, ...draft("Thanks") })),
    ).toBe("ok");
  });

  it("When you submit a maintenance request for your landlord … the system automatically creates the new “Maintenance Requests” tab for you. If there are few maintenance requests, the system will create a separate channel for each request.", async () => {
    const resident = await h.as("resident@connected.demo");
    const first = await resident.maintenance.submit(request("Dishwasher leaks"));
    const second = await resident.maintenance.submit(request("Heater is noisy"));
    expect(first.conversationId).not.toBe(second.conversationId);
    const { rows } = await resident.conversations.list();
    const maintenance = rows.filter((r) => r.channel === "maintenance").map((r) => r.displayTitle);
    expect(maintenance).toEqual(expect.arrayContaining(["Dishwasher leaks", "Heater is noisy"]));
    const threads = await h.t.db
      .selectFrom("conversations")
      .select("maintenance_request_id")
      .where("id", "in", [first.conversationId!, second.conversationId!])
      .execute();
    expect(threads.map((t) => t.maintenance_request_id).sort()).toEqual(
      [first.requestId, second.requestId].sort(),
    );
  });

  it("If you do not wish to communicate within the request created by your Tenants, simply disable this option in your “Maintenance Settings“.", async () => {
    const owner = await h.as("owner@connected.demo");
    expect(await owner.maintenance.settings()).toMatchObject({
      enabled: true,
      optOut: { allowed: true },
    });
    await owner.maintenance.setMaintenanceThreads({ enabled: false });
    expect((await owner.maintenance.settings()).enabled).toBe(false);
    const resident = await h.as("resident@connected.demo");
    try {
      const withoutOwner = await resident.maintenance.submit(request("Door sticks"));
      expect(await participantsIn(h, withoutOwner.conversationId!)).toEqual([
        "resident@connected.demo",
        "team@connected.demo",
      ]);

      await setThreads("team@connected.demo", false);
      const before = await written();
      const none = await resident.maintenance.submit(request("Mailbox lock"));
      expect(none.conversationId).toBeNull();
      expect(none.threadReason).toBeTruthy();
      // The request is still filed; only the thread is not created.
      expect(await written()).toEqual({ ...before, requests: before.requests + 1 });
      const listed = (await owner.maintenance.list()).requests.find((r) => r.id === none.requestId);
      expect(listed).toMatchObject({ hasThread: false, conversationId: null });
    } finally {
      await setThreads("owner@connected.demo", true);
      await setThreads("team@connected.demo", true);
    }
  });

  it("If you are connected and the Maintenance request is shared with them, the system automatically creates a separate “Maintenance Requests“ thread on their end.", async () => {
    const resident = await h.as("resident@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const pro = await h.as("pro@connected.demo");
    await setThreads("owner@connected.demo", false);
    await setThreads("team@connected.demo", false);
    let requestId: string;
    try {
      ({ requestId } = await resident.maintenance.submit(request("Clogged drain")));
    } finally {
      await setThreads("owner@connected.demo", true);
      await setThreads("team@connected.demo", true);
    }
    const shared = await owner.maintenance.share({
      requestId,
      userIds: [await h.userId("pro@connected.demo")],
    });
    expect(shared.created).toBe(true);
    const conversationId = shared.conversationId!;
    expect(await participantsIn(h, conversationId)).toEqual([
      "owner@connected.demo",
      "pro@connected.demo",
      "resident@connected.demo",
      "team@connected.demo",
    ]);
    const proRow = (await pro.conversations.list()).rows.find((r) => r.id === conversationId);
    expect(proRow).toMatchObject({ channel: "maintenance", displayTitle: "Clogged drain" });
    const first = (await pro.conversations.messages({ id: conversationId })).messages[0];
    expect(first).toMatchObject({
      body: "Clogged drain: please take a look.",
      senderName: "Riley Chen",
      type: "maintenance",
    });
    expect(
      await outcome(() =>
        pro.conversations.send({ conversationId, ...draft("I can come Thursday") }),
      ),
    ).toBe("ok");
    expect((await pro.maintenance.list()).requests.map((r) => r.id)).toContain(requestId);

    // Sharing into the existing thread adds the person; sharing again adds nobody.
    const roommateId = await h.userId("roommate@connected.demo");
    const again = await owner.maintenance.share({ requestId, userIds: [roommateId] });
    expect(again).toEqual({
      conversationId,
      created: false,
      added: [roommateId],
      sharedWith: [roommateId],
      threadReason: null,
    });
    const repeat = await owner.maintenance.share({ requestId, userIds: [roommateId] });
    expect(repeat.added).toEqual([]);
  });

  it("You can communicate via Messenger only with connected users: sharing with someone not connected is refused and writes nothing", async () => {
    const owner = await h.as("owner@connected.demo");
    const { requestId } = await (await h.as("resident@connected.demo")).maintenance.submit(
      request("Loose handrail"),
    );
    const before = await written();
    const refusal = await refusalOf(async () =>
      owner.maintenance.share({ requestId, userIds: [await h.userId("invited@connected.demo")] }),
    );
    expect(refusal.code).toBe("not_connected");
    const owners = await refusalOf(async () =>
      owner.maintenance.share({ requestId, userIds: [await h.userId("landowner@connected.demo")] }),
    );
    expect(owners.code).toBe("maintenance_tenants_and_pros_only");
    expect(await written()).toEqual(before);
  });

  it("resident sees their own requests and managers every request of their organization", async () => {
    const resident = await h.as("resident@connected.demo");
    const roommate = await h.as("roommate@connected.demo");
    const owner = await h.as("owner@connected.demo");
    const mine = await resident.maintenance.submit(request("Shower drips"));
    const residentList = await resident.maintenance.list();
    expect(residentList.requests.every((r) => r.mine)).toBe(true);
    expect(residentList.requests.find((r) => r.id === mine.requestId)).toMatchObject({
      conversationId: mine.conversationId,
      propertyName: "Harbor View",
      unitName: "101",
    });
    expect(residentList.units.map((u) => u.unitName)).toEqual(["101"]);
    expect(residentList.channel.allowed).toBe(true);
    expect((await roommate.maintenance.list()).requests.map((r) => r.id)).not.toContain(
      mine.requestId,
    );
    const all = await owner.maintenance.list();
    expect(all.requests.map((r) => r.id)).toContain(mine.requestId);
    expect(all.requests.map((r) => r.title)).toContain("Leaking kitchen faucet");
    const foreign = await (await h.as("owner@standard.demo")).maintenance.list();
    expect(foreign.requests.map((r) => r.id)).not.toContain(mine.requestId);
  });
});

describe("authorization", () => {
  it("refuses a unit the resident does not live in, and another organization's unit as not found, writing nothing", async () => {
    const resident = await h.as("resident@connected.demo");
    const before = await written();
    expect(
      await outcome(async () =>
        resident.maintenance.submit({
          ...request("Not my unit"),
          unitId: await unitId("connected", "102"),
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(async () =>
        resident.maintenance.submit({
          ...request("Another organization"),
          unitId: await unitId("standard", "101"),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await written()).toEqual(before);
    expect(
      await outcome(async () =>
        resident.maintenance.submit({
          ...request("My own unit"),
          unitId: await unitId("connected", "101"),
        }),
      ),
    ).toBe("ok");
  });

  it("a resident cannot share a request and a service pro cannot submit one", async () => {
    const resident = await h.as("resident@connected.demo");
    const { requestId } = await resident.maintenance.submit(request("Smoke detector beeps"));
    const before = await written();
    expect(
      await outcome(async () =>
        resident.maintenance.share({ requestId, userIds: [await h.userId("pro@connected.demo")] }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(async () =>
        (await h.as("pro@connected.demo")).maintenance.submit(request("Pro request")),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(async () => resident.maintenance.setMaintenanceThreads({ enabled: false })),
    ).toBe("FORBIDDEN");
    expect(await written()).toEqual(before);
  });

  it("another organization's request or people are not found", async () => {
    const { requestId } = await (await h.as("resident@connected.demo")).maintenance.submit(
      request("Garage door"),
    );
    const before = await written();
    const standardOwner = await h.as("owner@standard.demo");
    expect(
      await outcome(async () =>
        standardOwner.maintenance.share({
          requestId,
          userIds: [await h.userId("pro@standard.demo")],
        }),
      ),
    ).toBe("NOT_FOUND");
    const owner = await h.as("owner@connected.demo");
    expect(
      await outcome(async () =>
        owner.maintenance.share({ requestId, userIds: [await h.userId("pro@standard.demo")] }),
      ),
    ).toBe("NOT_FOUND");
    expect(await written()).toEqual(before);
  });
});

describe("profiles without maintenance threads", () => {
  for (const [slug, sentence] of [
    [
      "standard",
      'Maintenance is a message type here ("Notify residents about maintenance schedules"), not a thread per request.',
    ],
    [
      "landlord-led",
      'Maintenance is managed in its own section of this vendor ("10. Managing Maintenance"), not in chat.',
    ],
    [
      "coworking",
      'Requests go through tickets in this vendor ("Use tickets if you want access to a record").',
    ],
  ] as const) {
    it(`${slug}: ${sentence}`, async () => {
      const resident = await h.as(`resident@${slug}.demo`);
      const before = await written();
      const result = await resident.maintenance.submit(request("Flickering light"));
      expect(result.conversationId).toBeNull();
      expect(result.threadReason).toBe("Maintenance request threads aren't available.");
      expect(await written()).toEqual({ ...before, requests: before.requests + 1 });
      expect((await resident.maintenance.list()).requests.map((r) => r.id)).toContain(
        result.requestId,
      );

      const owner = await h.as(`owner@${slug}.demo`);
      const onPage = (await owner.maintenance.page()).rows.find((r) => r.id === result.requestId);
      expect(onPage).toMatchObject({ status: "new", title: "Flickering light" });
      // Shared with a service pro: they see it, with no thread where the profile has none.
      const proId = await h.userId(`pro@${slug}.demo`);
      const shared = await owner.maintenance.share({
        requestId: result.requestId,
        userIds: [proId],
      });
      expect(shared).toMatchObject({
        conversationId: null,
        created: false,
        sharedWith: [proId],
        threadReason: "Maintenance request threads aren't available.",
      });
      const pro = await h.as(`pro@${slug}.demo`);
      expect((await pro.maintenance.list()).requests.map((r) => r.id)).toContain(result.requestId);
      const setting = await refusalOf(() =>
        owner.maintenance.setMaintenanceThreads({ enabled: false }),
      );
      expect(setting.code).toBe("maintenance_threads_disabled");
      expect(await written()).toEqual({ ...before, requests: before.requests + 1 });
    });
  }
});
