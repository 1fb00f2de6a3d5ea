import { createMeiliSearch } from "@hearth/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { draft, outcome } from "./helpers";

const SLUGS = ["standard", "connected", "coworking", "landlord-led"] as const;
const ROLES = [
  "owner",
  "team",
  "resident",
  "roommate",
  "future",
  "former",
  "invited",
  "pro",
  "landowner",
] as const;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function conversationWith(slug: string, name: string) {
  const owner = await h.as(`owner@${slug}.demo`);
  const { rows } = await owner.conversations.list();
  const conversation = rows.find(
    (row) => row.kind === "direct" && row.others.some((other) => other.name === name),
  );
  if (!conversation) throw new Error(`no direct conversation with ${name} in ${slug}`);
  return { owner, conversation };
}

type Caller = Awaited<ReturnType<Harness["as"]>>;

/** Every hit of a search, all pages. */
async function allHits(caller: Caller, input: Parameters<Caller["search"]["messages"]>[0]) {
  const hits = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await caller.search.messages({ ...input, limit: 50, cursor });
    hits.push(...result.hits);
    if (!result.nextCursor) return hits;
    cursor = result.nextCursor;
  }
  throw new Error("more than 100 pages");
}

describe("search.messages", () => {
  it("finds a word of a message the caller may read, with its conversation, sender and highlight", async () => {
    const { owner, conversation } = await conversationWith("standard", "Riley Chen");
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Your parking permit renewal is due on Friday."),
    });
    const riley = await h.as("resident@standard.demo");
    const { hits, engine } = await riley.search.messages({ q: "permits" });
    expect(engine).toBe("postgres");
    const hit = hits.find((candidate) => candidate.messageId === sent.id);
    expect(hit).toMatchObject({
      conversationId: conversation.id,
      senderName: "Morgan Reyes",
      type: "general",
      priority: "normal",
      conversationKind: "direct",
    });
    expect(hit?.conversationTitle).toContain("Morgan Reyes");
    const marked = hit?.highlights.map(({ start, end }) => hit.excerpt.slice(start, end));
    expect(marked).toContain("permit");
    // A prefix of a word finds it too.
    const prefix = await riley.search.messages({ q: "renew" });
    expect(prefix.hits.map((candidate) => candidate.messageId)).toContain(sent.id);
  });

  it("never returns a message of a conversation the caller is not in, for any role of any organization", async () => {
    let checked = 0;
    for (const slug of SLUGS) {
      for (const role of ROLES) {
        const email = `${role}@${slug}.demo`;
        const userId = await h.userId(email).catch(() => null);
        if (userId === null) continue;
        const caller = await h.as(email).catch(() => null);
        if (caller === null) continue;
        const hits = await allHits(caller, {});
        const conversationIds = [...new Set(hits.map((hit) => hit.conversationId))];
        if (conversationIds.length === 0) continue;
        const readable = await h.t.db
          .selectFrom("conversation_participants")
          .where("user_id", "=", userId)
          .where("conversation_id", "in", conversationIds)
          .select("conversation_id")
          .execute();
        expect(readable.length, email).toBe(conversationIds.length);
        checked += hits.length;
        // What search shows, the thread opens: the same rule decides both.
        for (const id of conversationIds) {
          expect(await outcome(() => caller.conversations.get({ id })), email).toBe("ok");
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("keeps a resident out of a conversation of their building they are not part of", async () => {
    const { owner, conversation } = await conversationWith("standard", "Riley Chen");
    const sent = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Private: the locksmith code is 4417."),
    });
    const roommate = await h.as("roommate@standard.demo");
    const byWord = await roommate.search.messages({ q: "locksmith" });
    expect(byWord.hits.map((hit) => hit.messageId)).not.toContain(sent.id);
    // Naming the conversation or its people as filters reveals nothing either.
    const rileyId = await h.userId("resident@standard.demo");
    for (const filter of [{ conversationId: conversation.id }, { personId: rileyId }]) {
      const hits = await allHits(roommate, { q: "locksmith", ...filter });
      expect(hits.map((hit) => hit.messageId)).not.toContain(sent.id);
    }
  });

  it("finds nothing of another organization, whatever ids the filters name", async () => {
    const { owner, conversation } = await conversationWith("standard", "Riley Chen");
    await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Standard-only: boiler inspection Tuesday."),
    });
    const foreign = await h.as("owner@connected.demo");
    const rileyId = await h.userId("resident@standard.demo");
    const ownerId = await h.userId("owner@standard.demo");
    for (const filter of [
      {},
      { conversationId: conversation.id },
      { personId: rileyId },
      { personId: ownerId },
    ]) {
      const hits = await allHits(foreign, { q: "boiler", ...filter });
      expect(hits).toEqual([]);
    }
  });

  it("filters by date range, person, conversation, kind, type and priority", async () => {
    const { owner, conversation } = await conversationWith("standard", "Riley Chen");
    const high = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Water shutoff tomorrow morning", { type: "maintenance", priority: "high" }),
    });
    const plain = await owner.conversations.send({
      conversationId: conversation.id,
      ...draft("Water bill attached", { type: "payment_reminder" }),
    });
    const ids = async (input: Parameters<Caller["search"]["messages"]>[0]) =>
      (await allHits(owner, { q: "water", ...input })).map((hit) => hit.messageId);

    expect(await ids({})).toEqual(expect.arrayContaining([high.id, plain.id]));
    expect(await ids({ priority: "high" })).toContain(high.id);
    expect(await ids({ priority: "high" })).not.toContain(plain.id);
    expect(await ids({ type: "payment_reminder" })).toEqual([plain.id]);
    expect(await ids({ kind: "direct", conversationId: conversation.id })).toEqual(
      expect.arrayContaining([high.id, plain.id]),
    );
    expect(await ids({ kind: "broadcast" })).not.toContain(high.id);
    expect(await ids({ personId: await h.userId("resident@standard.demo") })).toContain(high.id);
    expect(await ids({ personId: await h.userId("pro@standard.demo") })).not.toContain(high.id);
    const now = Date.now();
    expect(await ids({ from: new Date(now - 3_600_000), to: new Date(now + 60_000) })).toContain(
      high.id,
    );
    expect(await ids({ to: new Date(now - 3_600_000) })).not.toContain(high.id);
  });

  it("pages newest first without repeating or skipping a message", async () => {
    const { owner, conversation } = await conversationWith("standard", "Riley Chen");
    const sent: number[] = [];
    for (let i = 0; i < 7; i++) {
      const message = await owner.conversations.send({
        conversationId: conversation.id,
        ...draft(`Pagination check number ${i} for the gutter cleaning`),
      });
      sent.push(message.id);
    }
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.search.messages({ q: "gutter", limit: 3, cursor });
      expect(page.hits.length).toBeLessThanOrEqual(3);
      seen.push(...page.hits.map((hit) => hit.messageId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...sent].reverse());
  });

  it("refuses bad input with a reason and a 400", async () => {
    const owner = await h.as("owner@standard.demo");
    const bad: unknown[] = [
      { from: new Date("2025-02-01"), to: new Date("2025-01-01") },
      { to: new Date("+020000-01-01T00:00:00Z") },
      { limit: 0 },
      { limit: 51 },
      { cursor: "not-a-cursor" },
      { q: "x".repeat(501) },
      { q: "a\u0000b" },
      { conversationId: "1" },
      { type: "gossip" },
      { surprise: true },
    ];
    for (const input of bad) {
      expect(
        await outcome(() =>
          owner.search.messages(input as Parameters<Caller["search"]["messages"]>[0]),
        ),
        JSON.stringify(input),
      ).toBe("BAD_REQUEST");
    }
  });

  it("offers as filters only the people, properties and units the caller may know of", async () => {
    const riley = await h.as("resident@standard.demo");
    const options = await riley.search.filterOptions();
    const rileyId = await h.userId("resident@standard.demo");
    const shared = await h.t.db
      .selectFrom("conversation_participants as me")
      .innerJoin(
        "conversation_participants as other",
        "other.conversation_id",
        "me.conversation_id",
      )
      .where("me.user_id", "=", rileyId)
      .where("other.user_id", "<>", rileyId)
      .select("other.user_id")
      .distinct()
      .execute();
    expect(options.people.map((person) => person.id).sort()).toEqual(
      shared.map((row) => row.user_id).sort(),
    );
    const manager = await h.as("owner@standard.demo");
    const all = await manager.search.filterOptions();
    expect(all.properties.length).toBeGreaterThan(0);
    expect(all.units.every((unit) => all.properties.some((p) => p.id === unit.propertyId))).toBe(
      true,
    );
  });
});

describe("search when Meilisearch is down", () => {
  let down: Harness;
  beforeAll(async () => {
    // Nothing listens on port 9 of loopback: every call to the engine fails to connect.
    down = await createHarness({
      search: () => createMeiliSearch({ host: "http://127.0.0.1:9", taskTimeoutMs: 500 }),
    });
  });
  afterAll(() => down.close());

  it("answers from Postgres, with the same rule of who may read what, and says so", async () => {
    const owner = await down.as("owner@standard.demo");
    const { rows } = await owner.conversations.list();
    const direct = rows.find((row) => row.kind === "direct");
    if (!direct) throw new Error("the demo data has no direct conversation");
    const sent = await owner.conversations.send({
      conversationId: direct.id,
      ...draft("Snow removal starts at six."),
    });
    const result = await owner.search.messages({ q: "snow" });
    expect(result).toMatchObject({ engine: "postgres", degraded: true });
    expect(result.hits.map((hit) => hit.messageId)).toContain(sent.id);
    const outsider = await down.as("owner@connected.demo");
    expect((await outsider.search.messages({ q: "snow" })).hits).toEqual([]);
  });
});
