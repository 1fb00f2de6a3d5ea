import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "./harness";
import { outcome, refusalOf } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const profiles = ["standard", "connected", "coworking", "landlord-led"] as const;

const written = () =>
  rowCounts(h, {
    requests: "maintenance_requests",
    updates: "maintenance_request_updates",
    conversations: "conversations",
    messages: "messages",
  });

const request = (title: string) => ({ title, description: `${title}: please take a look.` });

async function submit(slug: string, title: string) {
  return (await h.as(`resident@${slug}.demo`)).maintenance.submit(request(title));
}

describe("every profile: a resident's request reaches the managers' page", () => {
  for (const slug of profiles) {
    it(`${slug}: listed newest first with status, priority, unit and property`, async () => {
      const first = await submit(slug, `${slug} first`);
      const second = await submit(slug, `${slug} second`);
      const owner = await h.as(`owner@${slug}.demo`);
      const page = await owner.maintenance.page();
      const ids = page.rows.map((r) => r.id);
      expect(ids.indexOf(second.requestId)).toBeLessThan(ids.indexOf(first.requestId));
      expect(page.rows.find((r) => r.id === first.requestId)).toMatchObject({
        title: `${slug} first`,
        status: "new",
        priority: "normal",
        unitName: "101",
        submittedByName: "Riley Chen",
      });
      expect(page.choices.properties.length).toBeGreaterThan(0);
      // A sub-user sees the same page.
      const team = await h.as(`team@${slug}.demo`);
      expect((await team.maintenance.page()).rows.map((r) => r.id)).toContain(first.requestId);
    });
  }
});

describe("the managers' page pages and filters", () => {
  it("keyset pages: every request once, newest first, then no next page", async () => {
    for (let i = 0; i < 3; i++) await submit("standard", `Paged ${i}`);
    const owner = await h.as("owner@standard.demo");
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await owner.maintenance.page({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const all = await h.t.db
      .selectFrom("maintenance_requests as r")
      .innerJoin("organizations as o", "o.id", "r.organization_id")
      .select("r.id")
      .where("o.slug", "=", "standard")
      .orderBy("r.created_at", "desc")
      .orderBy("r.id", "desc")
      .execute();
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it("filters by status, priority and unit", async () => {
    const { requestId } = await submit("standard", "Filter me");
    const owner = await h.as("owner@standard.demo");
    await owner.maintenance.setStatus({ requestId, status: "waiting" });
    const waiting = await owner.maintenance.page({ status: "waiting" });
    expect(waiting.rows.map((r) => r.id)).toEqual([requestId]);
    expect((await owner.maintenance.page({ status: "done" })).rows.map((r) => r.id)).not.toContain(
      requestId,
    );
    expect((await owner.maintenance.page({ priority: "high" })).rows).toEqual([]);
    const unit = (await owner.maintenance.page()).choices.units.find((u) => u.name === "102");
    const in102 = await owner.maintenance.page({ unitId: unit!.id });
    expect(in102.rows.map((r) => r.id)).not.toContain(requestId);
  });
});

describe("status changes: the resident is told", () => {
  it("standard (no maintenance threads): each change is an update on the resident's page", async () => {
    const { requestId, conversationId } = await submit("standard", "Loose tile");
    expect(conversationId).toBeNull();
    const owner = await h.as("owner@standard.demo");
    const before = await written();
    expect(await owner.maintenance.setStatus({ requestId, status: "in_progress" })).toEqual({
      status: "in_progress",
      changed: true,
    });
    await owner.maintenance.setStatus({ requestId, status: "done" });
    // Setting the status it has changes nothing.
    expect((await owner.maintenance.setStatus({ requestId, status: "done" })).changed).toBe(false);
    expect(await written()).toEqual({ ...before, updates: before.updates + 2 });
    const mine = (await (await h.as("resident@standard.demo")).maintenance.list()).requests.find(
      (r) => r.id === requestId,
    );
    expect(mine?.status).toBe("done");
    expect(mine?.updates.map((u) => [u.kind, u.status, u.authorName])).toEqual([
      ["status", "in_progress", "Morgan Reyes"],
      ["status", "done", "Morgan Reyes"],
    ]);
  });

  it("connected (seed 001): the change is also posted in the request's thread", async () => {
    const { requestId, conversationId } = await submit("connected", "Stuck window");
    const owner = await h.as("owner@connected.demo");
    await owner.maintenance.setStatus({ requestId, status: "done" });
    const resident = await h.as("resident@connected.demo");
    const page = await resident.conversations.messages({ id: conversationId! });
    expect(page.messages.at(-1)).toMatchObject({
      body: "Status changed to Done: this request is complete.",
      senderName: "Morgan Reyes",
      type: "maintenance",
    });
    const row = (await resident.conversations.list()).rows.find((r) => r.id === conversationId);
    expect(row?.unread).toBe(1);
  });

  it("a sub-user may change the status too", async () => {
    const { requestId } = await submit("landlord-led", "Team fixes it");
    const team = await h.as("team@landlord-led.demo");
    expect(await outcome(() => team.maintenance.setStatus({ requestId, status: "waiting" }))).toBe(
      "ok",
    );
  });
});

describe("sharing with a service pro", () => {
  it("standard: the pro sees the request and its updates; the resident sees it was shared", async () => {
    const { requestId } = await submit("standard", "Water heater");
    const owner = await h.as("owner@standard.demo");
    const detail = await owner.maintenance.detail({ requestId });
    const pro = detail.shareWith.find((p) => p.name === "Devon Hart");
    expect(pro).toMatchObject({
      kind: "service_pro",
      alreadyShared: false,
      share: { allowed: true },
    });
    const before = await written();
    await owner.maintenance.share({ requestId, userIds: [pro!.id] });
    expect(await written()).toEqual({ ...before, updates: before.updates + 1 });
    // Sharing again records nothing more.
    expect((await owner.maintenance.share({ requestId, userIds: [pro!.id] })).sharedWith).toEqual(
      [],
    );
    expect((await owner.maintenance.detail({ requestId })).shareWith).toContainEqual(
      expect.objectContaining({ id: pro!.id, alreadyShared: true }),
    );
    const proList = (await (await h.as("pro@standard.demo")).maintenance.list()).requests;
    expect(proList.find((r) => r.id === requestId)).toMatchObject({
      mine: false,
      title: "Water heater",
    });
    const residentView = (
      await (await h.as("resident@standard.demo")).maintenance.list()
    ).requests.find((r) => r.id === requestId);
    expect(residentView?.updates.map((u) => [u.kind, u.sharedWithName])).toEqual([
      ["shared", "Devon Hart"],
    ]);
    // Another resident of the same organization does not see it.
    const roommate = await h.as("roommate@standard.demo");
    expect((await roommate.maintenance.list()).requests.map((r) => r.id)).not.toContain(requestId);
  });

  it("connected: sharing creates the pro's Maintenance Requests thread", async () => {
    const { requestId, conversationId } = await submit("connected", "Leaky pipe");
    const owner = await h.as("owner@connected.demo");
    const shared = await owner.maintenance.share({
      requestId,
      userIds: [await h.userId("pro@connected.demo")],
    });
    expect(shared).toMatchObject({ conversationId, threadReason: null });
    const pro = await h.as("pro@connected.demo");
    const row = (await pro.conversations.list()).rows.find((r) => r.id === conversationId);
    expect(row).toMatchObject({ channel: "maintenance", displayTitle: "Leaky pipe" });
  });

  it("an owner is not someone a request is shared with, with the reason", async () => {
    const { requestId } = await submit("standard", "Owner share");
    const owner = await h.as("owner@standard.demo");
    const before = await written();
    const refusal = await refusalOf(async () =>
      owner.maintenance.share({ requestId, userIds: [await h.userId("landowner@standard.demo")] }),
    );
    expect(refusal).toEqual({
      code: "maintenance_tenants_and_pros_only",
      reason: "Maintenance requests are shared with residents and service pros.",
    });
    expect(await written()).toEqual(before);
  });
});

describe("Maintenance Settings (seed 001)", () => {
  it("connected: the page carries the manager's switch, which they may turn off", async () => {
    const owner = await h.as("owner@connected.demo");
    const { settings } = await owner.maintenance.page();
    expect(settings).toMatchObject({ enabled: true, optOut: { allowed: true } });
  });

  for (const slug of ["standard", "coworking", "landlord-led"] as const) {
    it(`${slug}: the switch is shown with why it doesn't apply`, async () => {
      const owner = await h.as(`owner@${slug}.demo`);
      const { settings } = await owner.maintenance.page();
      expect(settings.optOut).toMatchObject({
        allowed: false,
        reason: "Maintenance request threads aren't available.",
      });
    });
  }
});

describe("authorization and bad input", () => {
  it("residents and service pros can't use the managers' procedures", async () => {
    const { requestId } = await submit("standard", "Not for residents");
    const before = await written();
    for (const email of ["resident@standard.demo", "pro@standard.demo"]) {
      const caller = await h.as(email);
      expect(await outcome(() => caller.maintenance.page())).toBe("FORBIDDEN");
      expect(await outcome(() => caller.maintenance.detail({ requestId }))).toBe("FORBIDDEN");
      expect(await outcome(() => caller.maintenance.setStatus({ requestId, status: "done" }))).toBe(
        "FORBIDDEN",
      );
    }
    expect(await written()).toEqual(before);
  });

  it("another organization's request is not found, and its cursor pages nothing", async () => {
    const { requestId } = await submit("connected", "Elsewhere");
    const owner = await h.as("owner@standard.demo");
    const before = await written();
    expect(await outcome(() => owner.maintenance.detail({ requestId }))).toBe("NOT_FOUND");
    expect(await outcome(() => owner.maintenance.setStatus({ requestId, status: "done" }))).toBe(
      "NOT_FOUND",
    );
    expect((await owner.maintenance.page({ cursor: requestId })).rows).toEqual([]);
    expect(await written()).toEqual(before);
  });

  it("an unknown status or a malformed id is a bad request with the field named", async () => {
    const { requestId } = await submit("standard", "Bad input");
    const owner = await h.as("owner@standard.demo");
    const before = await written();
    const bad = [
      () => owner.maintenance.setStatus({ requestId, status: "closed" as "done" }),
      () => owner.maintenance.setStatus({ requestId: "nope", status: "done" }),
      () => owner.maintenance.page({ status: "open" as "new" }),
      () => owner.maintenance.page({ cursor: "not-a-uuid" }),
    ];
    for (const call of bad) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(String((error as Error).message)).toMatch(/status|requestId|cursor|Invalid/);
    }
    expect(await written()).toEqual(before);
  });
});
