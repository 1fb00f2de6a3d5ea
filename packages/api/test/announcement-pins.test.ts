import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, rowCounts } from "./harness";
import { outcome, refusalOf } from "./helpers";

let h: Harness;

/** Broadcasts are off in the standard profile by default: the operator turns them on. */
async function turnOnBroadcasts(slug: string) {
  const operator = await h.as("operator@platform.demo");
  const org = await h.t.db
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const { settingsVersion } = await operator.operator.organization({ id: org.id });
  await operator.operator.setOverrides({
    organizationId: org.id,
    settingsVersion,
    overrides: { broadcasts: true },
  });
}

beforeAll(async () => {
  h = await createHarness();
  await turnOnBroadcasts("standard");
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.now() + hours * HOUR);

async function announce(
  body: string,
  pins: { pinUntil?: Date; expiresAt?: Date } = {},
  slug = "standard",
) {
  const owner = await h.as(`owner@${slug}.demo`);
  const riley = await h.userId(`resident@${slug}.demo`);
  return owner.broadcasts.send({
    audience: { type: "specific", userIds: [riley] },
    clientId: randomUUID(),
    body,
    ...pins,
  });
}

const pinnedIds = async (email: string) =>
  (await (await h.as(email)).conversations.pinned()).map((p) => p.id);

describe("pinned announcements", () => {
  it("are shown above their recipients' lists until the pin ends, and to no one else", async () => {
    const sent = await announce("Pool closed all week.", { pinUntil: later(24) });
    expect(await pinnedIds("resident@standard.demo")).toContain(sent.conversationId);
    const pinned = await (await h.as("resident@standard.demo")).conversations.pinned();
    expect(pinned.find((p) => p.id === sent.conversationId)?.body).toBe("Pool closed all week.");
    // Sam received nothing.
    expect(await pinnedIds("roommate@standard.demo")).not.toContain(sent.conversationId);

    const plain = await announce("Nothing to pin here.");
    expect(await pinnedIds("resident@standard.demo")).not.toContain(plain.conversationId);

    // The pin ends: no longer pinned, still in the list.
    await h.t.db
      .updateTable("conversations")
      .set({ pinned_until: new Date(Date.now() - 1000) })
      .where("id", "=", sent.conversationId)
      .execute();
    expect(await pinnedIds("resident@standard.demo")).not.toContain(sent.conversationId);
    const list = await (await h.as("resident@standard.demo")).conversations.list();
    expect(list.rows.map((r) => r.id)).toContain(sent.conversationId);
  });

  it("an expired announcement leaves the list, and opened directly says when it expired", async () => {
    const sent = await announce("Fire drill on Monday.", { expiresAt: later(48) });
    const riley = await h.as("resident@standard.demo");
    expect((await riley.conversations.list()).rows.map((r) => r.id)).toContain(sent.conversationId);
    const expiredAt = new Date(Date.now() - 60_000);
    await h.t.db
      .updateTable("conversations")
      .set({ expires_at: expiredAt })
      .where("id", "=", sent.conversationId)
      .execute();
    expect((await riley.conversations.list()).rows.map((r) => r.id)).not.toContain(
      sent.conversationId,
    );
    const opened = await riley.conversations.get({ id: sent.conversationId });
    expect(opened.expiresAt).toEqual(expiredAt);
  });

  it("a manager unpins or changes them, audited; the recipients hear of it live", async () => {
    const sent = await announce("Elevator out of service.", { pinUntil: later(5) });
    const owner = await h.as("owner@standard.demo");
    await owner.broadcasts.setPins({
      conversationId: sent.conversationId,
      pinUntil: null,
      expiresAt: later(72),
    });
    expect(await pinnedIds("resident@standard.demo")).not.toContain(sent.conversationId);
    const stored = await h.t.db
      .selectFrom("conversations")
      .select(["pinned_until", "expires_at"])
      .where("id", "=", sent.conversationId)
      .executeTakeFirstOrThrow();
    expect(stored.pinned_until).toBeNull();
    expect(stored.expires_at).not.toBeNull();
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", sent.conversationId)
      .execute();
    expect(audit).toEqual([{ action: "announcement.pins" }]);
    const rileyId = await h.userId("resident@standard.demo");
    const events = await h.t.db
      .selectFrom("live_events")
      .select(["payload", "recipients"])
      .where("conversation_id", "=", sent.conversationId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(events.payload).toMatchObject({ type: "announcement", change: "pins" });
    expect(events.recipients).toContain(rileyId);
  });

  it("refuses times in the past, a pin past the expiry, and non-announcements, changing nothing", async () => {
    const owner = await h.as("owner@standard.demo");
    const before = await rowCounts(h, { conversations: "conversations", audit: "audit_log" });
    expect(
      await outcome(() => announce("Too late.", { pinUntil: new Date(Date.now() - HOUR) })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(() => announce("Backwards.", { pinUntil: later(10), expiresAt: later(5) })),
    ).toBe("BAD_REQUEST");
    const { rows } = await owner.conversations.list();
    const direct = rows.find((r) => r.kind === "direct");
    expect(
      await outcome(() =>
        owner.broadcasts.setPins({
          conversationId: direct?.id ?? "",
          pinUntil: later(1),
          expiresAt: null,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await rowCounts(h, { conversations: "conversations", audit: "audit_log" })).toEqual(
      before,
    );
  });

  it("another organization's announcement is not found; residents may not pin", async () => {
    const theirs = await announce("Foundry news.", { pinUntil: later(3) }, "coworking");
    const owner = await h.as("owner@standard.demo");
    expect(
      await outcome(() =>
        owner.broadcasts.setPins({
          conversationId: theirs.conversationId,
          pinUntil: null,
          expiresAt: null,
        }),
      ),
    ).toBe("NOT_FOUND");
    const mine = await announce("Maple news.", { pinUntil: later(3) });
    const riley = await h.as("resident@standard.demo");
    const refusal = await refusalOf(() =>
      riley.broadcasts.setPins({
        conversationId: mine.conversationId,
        pinUntil: null,
        expiresAt: null,
      }),
    );
    expect(refusal.code).toBe("broadcast_managers_only");
    expect(await pinnedIds("resident@standard.demo")).toContain(mine.conversationId);
  });

  it("twelve changes at once on one announcement: each audited, the stored one is the last audited", async () => {
    const sent = await announce("Boiler maintenance.", { pinUntil: later(2) });
    const owner = await h.as("owner@standard.demo");
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        owner.broadcasts.setPins({
          conversationId: sent.conversationId,
          pinUntil: i % 2 ? null : later(1 + i),
          expiresAt: later(24 + i),
        }),
      ),
    );
    const audit = await h.t.db
      .selectFrom("audit_log")
      .select("after")
      .where("target_id", "=", sent.conversationId)
      .orderBy("id", "desc")
      .execute();
    expect(audit).toHaveLength(12);
    const stored = await h.t.db
      .selectFrom("conversations")
      .select(["pinned_until", "expires_at"])
      .where("id", "=", sent.conversationId)
      .executeTakeFirstOrThrow();
    const last = audit[0]?.after as { pinUntil: string | null; expiresAt: string };
    expect(stored.expires_at?.toISOString()).toBe(last.expiresAt);
    expect(stored.pinned_until?.toISOString() ?? null).toBe(last.pinUntil);
  });
});
