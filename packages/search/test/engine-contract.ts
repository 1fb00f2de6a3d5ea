/**
 * The behaviour every search engine owes the API, as one suite run on each engine over the same
 * seeded database. Expected results come from the rows themselves (contract-oracle.ts), so the
 * suite proves each engine right, not merely the engines alike.
 */
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import type { ConversationKind, MessageType, Priority } from "@hearth/db/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  syncMessages,
} from "../src/index";
import { allMessageIds, type OracleFilter, readableBy } from "./contract-oracle";
import { type Demo, demo } from "./demo";

export interface EngineUnderTest {
  engine: SearchEngine;
  /** Typo tolerance ("hallwya" finds "hallway"). */
  typos: boolean;
  /** Facet counts when asked; null otherwise. */
  facets: boolean;
  tearDown?: () => Promise<void>;
}

export type EngineFactory = (t: TestDatabase) => Promise<EngineUnderTest>;

const HALLWAY = "Could someone look at the hallway light on our floor?";
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
type Role = (typeof ROLES)[number];

const KINDS: ConversationKind[] = ["direct", "unit_group", "team", "maintenance", "broadcast"];
const TYPES: MessageType[] = ["general", "maintenance", "payment_reminder", "event"];
const PRIORITIES: Priority[] = ["normal", "high"];

function highlighted(hit: SearchHit): string[] {
  return hit.highlights.map(({ start, end }) => hit.excerpt.slice(start, end).toLowerCase());
}

export function engineContract(name: string, factory: EngineFactory): void {
  describe(`${name}: the search engine contract`, () => {
    let t: TestDatabase;
    let d: Demo;
    let under: EngineUnderTest;
    let engine: SearchEngine;
    let org: string;
    let otherOrg: string;
    const people = new Map<Role, string>();
    const who = (role: Role) => people.get(role) ?? "";

    async function sync(): Promise<void> {
      await syncMessages(t.db, engine, await allMessageIds(t.db));
    }

    async function page(viewer: string, query: Partial<SearchQuery> = {}): Promise<SearchResult> {
      return engine.search({ organizationId: org, viewerId: viewer, limit: 50, ...query });
    }

    /** Every hit, following cursors to the end. */
    async function everything(
      viewer: string,
      query: Partial<SearchQuery> = {},
    ): Promise<SearchHit[]> {
      const hits: SearchHit[] = [];
      let cursor: string | undefined;
      do {
        const result = await page(viewer, { ...query, ...(cursor ? { cursor } : {}) });
        hits.push(...result.hits);
        cursor = result.nextCursor ?? undefined;
      } while (cursor);
      return hits;
    }

    async function expectOracle(
      viewer: string,
      filter: OracleFilter,
      label: string,
    ): Promise<void> {
      const expected = (await readableBy(t.db, org, viewer, filter)).map((m) => m.id);
      const found = (await everything(viewer, filter)).map((hit) => hit.messageId);
      expect(found, label).toEqual(expected);
    }

    beforeAll(async () => {
      t = await createTestDatabase({ seeded: true });
      d = demo(t.db);
      org = await d.orgId("standard");
      otherOrg = await d.orgId("connected");
      for (const role of ROLES) people.set(role, await d.userId(`${role}@standard.demo`));
      // The seed has no conversation for the former resident, the property owner or a broadcast.
      const former = await d.addConversation(org, "direct", [who("owner"), who("former")]);
      await d.addMessage(former, {
        body: "Your deposit refund was mailed today.",
        senderId: who("owner"),
      });
      const landowner = await d.addConversation(org, "direct", [who("owner"), who("landowner")]);
      await d.addMessage(landowner, {
        body: "The quarterly statement for Maple Court is ready.",
        senderId: who("owner"),
        priority: "high",
      });
      const broadcast = await d.addConversation(org, "broadcast", [
        who("owner"),
        who("resident"),
        who("roommate"),
        who("future"),
        who("former"),
      ]);
      const alarm = await d.addMessage(broadcast, {
        body: "Fire alarm testing on Friday morning.",
        senderId: who("owner"),
        type: "event",
      });
      await t.db.updateTable("messages").set({ sender_id: null }).where("id", "=", alarm).execute();
      const documents = await d.addMessage(former, {
        body: "Here are the documents you asked for.",
        senderId: who("owner"),
      });
      await t.db
        .updateTable("messages")
        .set({ file_names: "boiler-inspection.pdf" })
        .where("id", "=", documents)
        .execute();
      under = await factory(t);
      engine = under.engine;
      await engine.prepare();
      await sync();
    });

    afterAll(async () => {
      await under?.tearDown?.();
      await t?.destroy();
    });

    describe("words", () => {
      it("finds a message by its words and highlights exactly them", async () => {
        const { hits } = await page(who("resident"), { text: "hallway light" });
        expect(hits.map((hit) => hit.excerpt)).toEqual([HALLWAY]);
        const [hit] = hits as [SearchHit];
        expect(highlighted(hit)).toEqual(["hallway", "light"]);
        expect(hit).toMatchObject({
          senderId: who("resident"),
          senderName: "Riley Chen",
          type: "general",
          priority: "high",
          conversationKind: "direct",
          conversationId: (await d.message(org, HALLWAY)).conversationId,
        });
        expect(hit.createdAt).toEqual((await d.message(org, HALLWAY)).createdAt);
      });

      it("finds a message by its file's name, and shows the name as the excerpt", async () => {
        const { hits } = await page(who("owner"), { text: "boiler" });
        expect(hits).toHaveLength(1);
        const [hit] = hits as [SearchHit];
        expect(hit.excerpt).toContain("boiler-inspection.pdf");
        expect(highlighted(hit)).toContain("boiler");
        // The former resident is in that conversation; the current one is not.
        expect((await page(who("resident"), { text: "boiler" })).hits).toEqual([]);
      });

      it("matches another form of a word, and the start of a word", async () => {
        expect(
          (await page(who("resident"), { text: "lights" })).hits.map((h) => h.excerpt),
        ).toEqual([HALLWAY]);
        for (const text of ["hall", "HALLW", "plumb"]) {
          const { hits } = await page(who("owner"), { text });
          expect(hits.length, text).toBe(1);
          const spans = highlighted(hits[0] as SearchHit);
          expect(spans.length, text).toBeGreaterThan(0);
          // The highlight covers the matched start of the word, or the whole word.
          for (const span of spans)
            expect(
              span.startsWith(text.toLowerCase()) || text.toLowerCase().startsWith(span),
              `${text}: ${span}`,
            ).toBe(true);
        }
      });

      it("needs every word, understands phrases and -excluded words", async () => {
        const resident = who("resident");
        expect((await page(resident, { text: "hallway faucet" })).hits).toEqual([]);
        expect((await page(resident, { text: "faucet" })).hits.map((h) => h.excerpt)).toEqual([
          "The kitchen faucet drips constantly.",
        ]);
        expect((await page(resident, { text: "faucet -kitchen" })).hits).toEqual([]);
        expect(
          (await page(resident, { text: '"hallway light"' })).hits.map((h) => h.excerpt),
        ).toEqual([HALLWAY]);
        expect((await page(resident, { text: '"light hallway"' })).hits).toEqual([]);
      });

      it("takes any text without an error", async () => {
        for (const text of [
          `'); drop table messages; --`,
          'a & b | !c :* "',
          "(((",
          "\\",
          "-",
          '"',
          "%",
          "h_llway",
        ]) {
          await expect(page(who("resident"), { text }), text).resolves.toMatchObject({
            hits: expect.any(Array),
          });
        }
      });

      it("tolerates typos only where the engine does", async () => {
        const { hits } = await page(who("resident"), { text: "hallwya" });
        expect(hits.map((h) => h.excerpt)).toEqual(under.typos ? [HALLWAY] : []);
        const faucet = await page(who("resident"), { text: "constnatly" });
        expect(faucet.hits.length).toBe(under.typos ? 1 : 0);
      });
    });

    describe("filters", () => {
      it("filters by date range, from inclusive, to exclusive", async () => {
        const resident = who("resident");
        const rent = await d.message(org, "Hi Riley, a reminder that rent is due on the 1st.");
        const paid = await d.message(org, "Thanks! Paid it this morning.");
        expect(
          (await everything(resident, { from: rent.createdAt, to: paid.createdAt })).map(
            (h) => h.messageId,
          ),
        ).toEqual([rent.id]);
        const through = await everything(resident, {
          from: rent.createdAt,
          to: new Date(paid.createdAt.getTime() + 1),
        });
        expect(through.map((h) => h.messageId)).toEqual([paid.id, rent.id]);
        expect(
          await everything(resident, {
            from: new Date(rent.createdAt.getTime() + 1),
            text: "rent",
          }),
        ).toEqual([]);
        await expectOracle(who("owner"), { from: rent.createdAt }, "from");
        await expectOracle(who("owner"), { to: paid.createdAt }, "to");
      });

      it("filters by sender, and by person (sender or participant)", async () => {
        for (const viewer of [who("owner"), who("resident")]) {
          for (const role of ROLES) {
            await expectOracle(viewer, { senderId: who(role) }, `senderId ${role}`);
            await expectOracle(viewer, { personId: who(role) }, `personId ${role}`);
          }
        }
        const fromOwner = await everything(who("resident"), { senderId: who("owner") });
        expect(fromOwner.length).toBeGreaterThan(0);
        expect(fromOwner.every((hit) => hit.senderId === who("owner"))).toBe(true);
      });

      it("filters by property and unit, through the unit or the maintenance request", async () => {
        const maple = await d.propertyId(org, "Maple Court");
        const birch = await d.propertyId(org, "Birch House");
        const unit101 = await d.unitId(maple, "101");
        const unit102 = await d.unitId(maple, "102");
        for (const viewer of [who("owner"), who("resident"), who("pro")]) {
          for (const propertyId of [maple, birch])
            await expectOracle(viewer, { propertyId }, `property ${propertyId}`);
          for (const unitId of [unit101, unit102])
            await expectOracle(viewer, { unitId }, `unit ${unitId}`);
        }
        expect((await everything(who("resident"), { propertyId: maple })).length).toBe(5);
        expect((await everything(who("resident"), { unitId: unit101, text: "water" })).length).toBe(
          1,
        );
      });

      it("filters by conversation, conversation kind, message type and priority", async () => {
        const { conversationId } = await d.message(org, HALLWAY);
        for (const viewer of [who("owner"), who("resident"), who("roommate")]) {
          await expectOracle(viewer, { conversationId }, "conversationId");
          for (const kind of KINDS) await expectOracle(viewer, { kind }, `kind ${kind}`);
          for (const type of TYPES) await expectOracle(viewer, { type }, `type ${type}`);
          for (const priority of PRIORITIES)
            await expectOracle(viewer, { priority }, `priority ${priority}`);
        }
        const high = await everything(who("owner"), { priority: "high" });
        expect(high.map((h) => h.excerpt).sort()).toEqual(
          [HALLWAY, "The quarterly statement for Maple Court is ready."].sort(),
        );
        const events = await everything(who("resident"), { kind: "broadcast", type: "event" });
        expect(events).toMatchObject([
          { senderId: null, senderName: null, conversationKind: "broadcast" },
        ]);
      });
    });

    describe("pages", () => {
      it("lists newest first, and pages by cursor without repeats or gaps", async () => {
        const { conversationId } = await d.message(org, HALLWAY);
        const base = Date.now() - 60_000;
        const added: number[] = [];
        for (let i = 0; i < 7; i++) {
          // Three messages share one instant, so the cursor must break ties by id.
          const createdAt = new Date(base + (i < 3 ? 0 : i * 1000));
          added.push(
            await d.addMessage(conversationId, {
              body: `pager note ${i}`,
              senderId: who("resident"),
              createdAt,
            }),
          );
        }
        await sync();
        const sizes: number[] = [];
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const result = await page(who("owner"), {
            text: "pager",
            limit: 3,
            ...(cursor ? { cursor } : {}),
          });
          sizes.push(result.hits.length);
          seen.push(...result.hits.map((hit) => hit.messageId));
          cursor = result.nextCursor ?? undefined;
        } while (cursor);
        expect(sizes).toEqual([3, 3, 1]);
        expect(seen).toEqual([...added].reverse());
        // Small pages over everything give the same list as one big page.
        for (const limit of [1, 2, 5]) {
          const paged: number[] = [];
          let next: string | undefined;
          do {
            const result = await page(who("owner"), { limit, ...(next ? { cursor: next } : {}) });
            paged.push(...result.hits.map((hit) => hit.messageId));
            next = result.nextCursor ?? undefined;
          } while (next);
          expect(paged, `limit ${limit}`).toEqual(
            (await readableBy(t.db, org, who("owner"))).map((m) => m.id),
          );
        }
      });

      it("says there is no next page when the last page is exactly full", async () => {
        const { hits, nextCursor } = await page(who("resident"), {
          type: "payment_reminder",
          limit: 1,
        });
        expect(hits).toHaveLength(1);
        expect(nextCursor).toBeNull();
      });
    });

    describe("only what the viewer may read", () => {
      it("leaves out deleted and scheduled messages, and messages deleted later", async () => {
        const { conversationId } = await d.message(org, HALLWAY);
        const kept = await d.addMessage(conversationId, {
          body: "zebra crossing is open",
          senderId: who("resident"),
        });
        await d.addMessage(conversationId, {
          body: "zebra deleted message",
          senderId: who("resident"),
          deletedAt: new Date(),
        });
        await d.addMessage(conversationId, {
          body: "zebra scheduled message",
          senderId: who("owner"),
          sentAt: null,
        });
        const later = await d.addMessage(conversationId, {
          body: "zebra regretted message",
          senderId: who("owner"),
        });
        await sync();
        expect(
          (await page(who("owner"), { text: "zebra" })).hits.map((h) => h.messageId).sort(),
        ).toEqual([kept, later].sort());
        await t.db
          .updateTable("messages")
          .set({ deleted_at: new Date() })
          .where("id", "=", later)
          .execute();
        await sync();
        expect((await page(who("owner"), { text: "zebra" })).hits.map((h) => h.messageId)).toEqual([
          kept,
        ]);
        expect(
          (await page(who("resident"), { text: "zebr" })).hits.map((h) => h.messageId),
        ).toEqual([kept]);
      });

      it("shows every viewer exactly the messages of their own conversations", async () => {
        for (const role of ROLES) {
          const viewer = who(role);
          const expected = await readableBy(t.db, org, viewer);
          const hits = await everything(viewer);
          expect(
            hits.map((hit) => hit.messageId),
            role,
          ).toEqual(expected.map((m) => m.id));
          const participations = await t.db
            .selectFrom("conversation_participants")
            .where("user_id", "=", viewer)
            .where("organization_id", "=", org)
            .select("conversation_id")
            .execute();
          const mine = new Set(participations.map((p) => p.conversation_id));
          for (const hit of hits)
            expect(mine.has(hit.conversationId), `${role} reads ${hit.conversationId}`).toBe(true);
          // Words and filters narrow the list; they never widen it.
          const allowed = new Set(expected.map((m) => m.id));
          for (const query of [
            { text: "the" },
            { text: "hallway" },
            { kind: "team" as const },
            { personId: who("team") },
          ]) {
            for (const hit of (await page(viewer, query)).hits)
              expect(allowed.has(hit.messageId), `${role} ${JSON.stringify(query)}`).toBe(true);
          }
        }
        expect((await everything(who("invited"))).length).toBe(0);
        expect((await everything(who("former"))).map((h) => h.excerpt)).toContain(
          "Your deposit refund was mailed today.",
        );
      });

      it("never shows another organization's messages, whatever is asked", async () => {
        const theirs = await demo(t.db).message(otherOrg, HALLWAY);
        const theirResident = await d.userId("resident@connected.demo");
        const theirOwner = await d.userId("owner@connected.demo");
        const mine = await d.message(org, HALLWAY);
        expect(
          (await page(who("resident"), { text: "hallway" })).hits.map((h) => h.messageId),
        ).toEqual([mine.id]);
        for (const role of ROLES) {
          const viewer = who(role);
          for (const query of [
            { conversationId: theirs.conversationId },
            { personId: theirResident },
            { senderId: theirOwner },
            { conversationId: theirs.conversationId, text: "hallway" },
          ]) {
            expect((await page(viewer, query)).hits, `${role} ${JSON.stringify(query)}`).toEqual(
              [],
            );
          }
          const crossed = await engine.search({
            organizationId: otherOrg,
            viewerId: viewer,
            limit: 50,
          });
          expect(crossed.hits, `${role} in the other organization`).toEqual([]);
        }
        // Their people see nothing of ours, even naming our organization.
        expect((await page(theirResident, { text: "hallway" })).hits).toEqual([]);
        expect((await page(theirOwner)).hits).toEqual([]);
      });

      it("answers no hits for ids that are not ids, not an error", async () => {
        expect((await page(who("resident"), { senderId: "nobody" })).hits).toEqual([]);
        expect((await page("' or 1=1 --")).hits).toEqual([]);
        expect((await page(`${who("resident")}" OR organizationId = "${otherOrg}`)).hits).toEqual(
          [],
        );
      });
    });

    describe("facets", () => {
      it("counts types and properties of every match where the engine can, else null", async () => {
        const owner = who("owner");
        const first = await page(owner, { facets: true, limit: 2 });
        if (!under.facets) {
          expect(first.facets).toBeNull();
          return;
        }
        const readable = await readableBy(t.db, org, owner);
        const types: Record<string, number> = {};
        const properties: Record<string, number> = {};
        for (const m of readable) {
          types[m.type] = (types[m.type] ?? 0) + 1;
          if (m.propertyId) properties[m.propertyId] = (properties[m.propertyId] ?? 0) + 1;
        }
        expect(first.facets).toEqual({ types, properties });
        expect((await page(owner, { limit: 2 })).facets).toBeNull();
      });
    });
  });
}
