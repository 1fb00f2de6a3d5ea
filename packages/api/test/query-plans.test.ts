import { createDb, type DbHandle, type Kysely, sql } from "@hearth/db";
import { createTestDatabase, type TestDatabase } from "@hearth/db/testing";
import type { Database } from "@hearth/db/types";
import { createPostgresSearch } from "@hearth/search";
import { type CompiledQuery, Kysely as KyselyClient, PostgresDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  inboxChannelsQuery,
  inboxPageQuery,
  listInbox,
  unreadTotalQuery,
} from "../src/messaging/inbox";
import { newerMessagesQuery, readersQuery, threadPageQuery } from "../src/messaging/thread";
import { readLog, readUserLog } from "../src/realtime/event-log";
import type { EventPosition } from "../src/realtime/position";
import { listTeamView, teamPageQuery } from "../src/team/views";

/**
 * The plans of the reads every page load makes, on tables big enough that a scan would show:
 * 200,000 messages in 4,000 conversations, a live event per message. Each query is the SQL the
 * product runs, compiled by the same function (or captured as it runs), then EXPLAINed.
 */
const SIZE = { users: 1_000, conversations: 4_000, messages: 200_000 };
const WATCHED = ["messages", "conversation_participants", "live_events"];

let t: TestDatabase;
let bulk: DbHandle;
/** A client on the same pool that records each statement it runs. */
let recording: Kysely<Database>;
const recorded: CompiledQuery[] = [];
let org: string;
let owner: string;

/**
 * Half of the conversations are the owner's with one or two residents, the other half between
 * residents. Messages alternate senders; one in 997 is high priority, one in 101 deleted. Each
 * person has read all but the newest 0 to 11 messages of a conversation; a tenth of the rows are
 * archived. Written around the API, so the counters are recounted at the end (`inbox_refresh`).
 */
async function buildBigInbox(db: Kysely<Database>): Promise<void> {
  const n = SIZE;
  await sql`insert into users (organization_id, email, display_name, kind)
    select ${org}, 'big' || g || '@plans.test', 'Resident ' || g, 'resident'
    from generate_series(1, ${n.users}) g`.execute(db);
  await sql`create table big_people as
    select row_number() over (order by id) - 1 as i, id from users where email like '%@plans.test'`.execute(
    db,
  );
  await sql`create table big_conversations as
    select g as i, gen_random_uuid() as id,
      case when g % 2 = 0 then ${owner}::uuid
        else (select id from big_people where i = (g * 7 + 3) % ${n.users}) end as a,
      (select id from big_people where i = g % ${n.users}) as b,
      case when g % 10 = 0 then (select id from big_people where i = (g + 1) % ${n.users}) end as c
    from generate_series(0, ${n.conversations} - 1) g`.execute(db);
  await sql`insert into conversations (id, organization_id, kind, title, created_by, last_message_at)
    select id, ${org}, case when c is null then 'direct' else 'team' end, null, a, now()
    from big_conversations`.execute(db);
  await sql`insert into conversation_participants (conversation_id, user_id, organization_id)
    select id, u, ${org} from big_conversations, unnest(array[a, b, c]) u where u is not null`.execute(
    db,
  );
  await sql`insert into messages (organization_id, conversation_id, sender_id, body, priority,
      sent_at, created_at, deleted_at)
    select ${org}, bc.id, case when (g / ${n.conversations}) % 2 = 0 then bc.a else bc.b end,
      (array['The hallway light is out', 'Rent receipt for March', 'Parking permit renewal',
        'Noise after ten', 'Package room code', 'The boiler makes a noise'])[1 + g % 6]
        || case when g % 500 = 0 then ' and the chimney sweep' else '' end || ' #' || g,
      case when g % 997 = 0 then 'high' else 'normal' end,
      now() - ((${n.messages} - g) || ' seconds')::interval,
      now() - ((${n.messages} - g) || ' seconds')::interval,
      case when g % 101 = 0 then now() end
    from generate_series(1, ${n.messages}) g
    join big_conversations bc on bc.i = g % ${n.conversations}`.execute(db);
  await sql`update conversations c set last_message_at = m.at
    from (select conversation_id, max(sent_at) as at from messages group by conversation_id) m
    where m.conversation_id = c.id`.execute(db);
  await sql`update conversation_participants p set last_read_message_id = r.id
    from (select conversation_id, id,
        row_number() over (partition by conversation_id order by id desc) - 1 as behind
      from messages) r
    where r.conversation_id = p.conversation_id
      and r.behind = abs(hashtext(p.user_id::text || p.conversation_id::text)) % 12`.execute(db);
  await sql`update conversation_participants p set archived_at = now()
    where abs(hashtext(p.conversation_id::text || p.user_id::text)) % 10 = 0`.execute(db);
  // Ten transactions, so the log spans several transaction ids.
  for (let i = 0; i < 10; i += 1)
    await sql`insert into live_events (organization_id, conversation_id, recipients, payload)
      select ${org}, m.conversation_id, array_remove(array[bc.a, bc.b, bc.c], null),
        jsonb_build_object('type', 'message', 'change', 'created',
          'conversationId', m.conversation_id::text, 'messageId', m.id)
      from messages m join big_conversations bc on bc.id = m.conversation_id
      where m.id % 10 = ${i}`.execute(db);
  await sql`drop table big_conversations, big_people`.execute(db);
  await sql`select inbox_refresh()`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** The executed plan's nodes (EXPLAIN ANALYZE, so the plan is the one that ran). */
async function planOf(query: { sql: string; parameters: readonly unknown[] }) {
  const { rows } = await bulk.pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `explain (analyze, format json) ${query.sql}`,
    [...query.parameters],
  );
  return nodesOf(rows[0]!["QUERY PLAN"][0].Plan);
}

function describeNodes(nodes: PlanNode[]): string {
  return nodes
    .map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]].filter(Boolean).join(" "))
    .join("\n");
}

async function expectIndexed(
  query: { sql: string; parameters: readonly unknown[] },
  indexes: string[],
): Promise<PlanNode[]> {
  const nodes = await planOf(query);
  const plan = describeNodes(nodes);
  const scans = nodes.filter(
    (n) => n["Node Type"] === "Seq Scan" && WATCHED.includes(n["Relation Name"] ?? ""),
  );
  expect(scans, plan).toEqual([]);
  const used = new Set(nodes.map((n) => n["Index Name"]).filter(Boolean));
  for (const index of indexes) expect(used.has(index), `${index} in\n${plan}`).toBe(true);
  return nodes;
}

/** The statements `run` makes through the recording client. */
async function capture(run: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  recorded.length = 0;
  await run(recording);
  return [...recorded];
}

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  bulk = createDb(t.url, { max: 2, statementTimeoutMs: 0 });
  recording = new KyselyClient<Database>({
    dialect: new PostgresDialect({ pool: bulk.pool }),
    log: (event) => {
      if (event.level === "query") recorded.push(event.query);
    },
  });
  const ownerRow = await bulk.db
    .selectFrom("users")
    .select(["id", "organization_id"])
    .where("email", "=", "owner@standard.demo")
    .executeTakeFirstOrThrow();
  org = ownerRow.organization_id!;
  owner = ownerRow.id;
  await buildBigInbox(bulk.db);
}, 240_000);

afterAll(async () => {
  // The recording client shares the bulk pool, which this ends.
  await bulk?.destroy();
  await t?.destroy();
});

describe("query plans on 200,000 messages", () => {
  it("the inbox's first and next pages are ranges of the inbox index", async () => {
    const first = await listInbox(bulk.db, org, owner, { archived: false });
    expect(first.rows).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(inboxPageQuery(bulk.db, org, owner, { archived: false }).compile(), [
      "conversation_participants_inbox_page_idx",
      "messages_thread_idx",
    ]);
    const next = await expectIndexed(
      inboxPageQuery(bulk.db, org, owner, { archived: false, cursor: first.nextCursor }).compile(),
      ["conversation_participants_inbox_page_idx"],
    );
    // The cursor is a condition of the index, not a filter over the rows before it.
    const range = next.find((n) => n["Index Name"] === "conversation_participants_inbox_page_idx");
    expect(range?.["Index Cond"]).toMatch(/last_message_at/);
  });

  it("the high-priority view is a range of its own index, first page and next", async () => {
    const filter = { archived: false, priority: "high" as const };
    const first = await listInbox(bulk.db, org, owner, filter);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.every((r) => r.hasHigh)).toBe(true);
    await expectIndexed(inboxPageQuery(bulk.db, org, owner, filter).compile(), [
      "conversation_participants_high_page_idx",
    ]);
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(
      inboxPageQuery(bulk.db, org, owner, { ...filter, cursor: first.nextCursor }).compile(),
      ["conversation_participants_high_page_idx"],
    );
  });

  it("a channel's view and the archive use indexes", async () => {
    // A tenth of the owner's conversations are team ones: their own index is the cheap way.
    await expectIndexed(
      inboxPageQuery(bulk.db, org, owner, { archived: false, channel: "team" }).compile(),
      ["conversation_participants_channel_page_idx"],
    );
    // Nearly all are tenants: the inbox index, filtered, is as good.
    await expectIndexed(
      inboxPageQuery(bulk.db, org, owner, { archived: false, channel: "tenants" }).compile(),
      [],
    );
    await expectIndexed(inboxPageQuery(bulk.db, org, owner, { archived: true }).compile(), []);
  });

  it("each team view is a range of its own partial index of conversations, first page and next", async () => {
    const views = {
      all: "conversations_team_open_idx",
      unassigned: "conversations_team_unassigned_idx",
      mine: "conversations_team_assigned_idx",
      closed: "conversations_team_closed_idx",
    } as const;
    // A few hundred of the owner's conversations are assigned to them, a few closed.
    await sql`update conversations set assignee_id = ${owner}, assigned_at = now()
      where organization_id = ${org} and kind = 'direct' and abs(hashtext(id::text)) % 10 = 0`.execute(
      bulk.db,
    );
    await sql`update conversations set closed_at = now()
      where organization_id = ${org} and kind = 'direct' and abs(hashtext(id::text)) % 10 = 1`.execute(
      bulk.db,
    );
    await sql`analyze conversations`.execute(bulk.db);
    for (const [view, index] of Object.entries(views) as [keyof typeof views, string][]) {
      const first = await listTeamView(bulk.db, org, owner, { view });
      expect(first.rows.length, view).toBe(50);
      expect(first.nextCursor, view).not.toBeNull();
      await expectIndexed(teamPageQuery(bulk.db, org, owner, { view }).compile(), [index]);
      const next = await expectIndexed(
        teamPageQuery(bulk.db, org, owner, { view, cursor: first.nextCursor }).compile(),
        [index],
      );
      const range = next.find((n) => n["Index Name"] === index);
      expect(range?.["Index Cond"], view).toMatch(/last_message_at/);
    }
  });

  it("the unread badge and the channels' counts read only the rows with something unread", async () => {
    await expectIndexed(unreadTotalQuery(bulk.db, org, owner).compile(), [
      "conversation_participants_unread_idx",
    ]);
    await expectIndexed(inboxChannelsQuery(org, owner).compile(bulk.db), [
      "conversation_participants_unread_idx",
      "conversation_participants_channel_page_idx",
    ]);
  });

  it("a thread page, newest, older and newer (opened at a message), is a range of the thread index", async () => {
    const { conversation_id } = await bulk.db
      .selectFrom("conversation_participants")
      .select("conversation_id")
      .where("user_id", "=", owner)
      .orderBy("last_message_at", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const newest = await threadPageQuery(bulk.db, conversation_id, owner, {}).execute();
    await expectIndexed(threadPageQuery(bulk.db, conversation_id, owner, {}).compile(), [
      "messages_thread_idx",
    ]);
    await expectIndexed(
      threadPageQuery(bulk.db, conversation_id, owner, { before: newest.at(-1)!.id }).compile(),
      ["messages_thread_idx"],
    );
    await expectIndexed(
      newerMessagesQuery(bulk.db, conversation_id, owner, {
        after: newest.at(-1)!.id,
        limit: 30,
      }).compile(),
      ["messages_thread_idx"],
    );
    await expectIndexed(readersQuery(bulk.db, conversation_id).compile(), [
      "conversation_participants_pkey",
    ]);
  });

  it("the live stream's reads and a reconnect's back-fill use the log's indexes", async () => {
    const positions = await sql<{ xid: string; id: number }>`
      select xid::text as xid, id from live_events order by xid desc, id desc limit 1000`.execute(
      bulk.db,
    );
    const at = (row: { xid: string; id: number }): EventPosition => ({
      xid: BigInt(row.xid),
      id: Number(row.id),
    });
    const upTo = at(positions.rows[0]!);
    const after = at(positions.rows.at(-1)!);
    const backfill = await capture((db) => readUserLog(db, owner, after, upTo, 1001));
    expect(backfill).toHaveLength(1);
    await expectIndexed(backfill[0]!, ["live_events_pkey"]);

    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    await readLog(
      {
        query: async (text: string, values?: unknown[]) => {
          statements.push({ sql: text, parameters: values ?? [] });
          const fence = await bulk.pool.query(text, values);
          return fence;
        },
      } as Parameters<typeof readLog>[0],
      after,
      100,
    );
    const read = statements.find((s) => s.sql.includes("live_events"));
    expect(read).toBeDefined();
    await expectIndexed(read!, ["live_events_pkey"]);
  });

  async function searchStatement(text: string | undefined) {
    const queries = await capture((db) =>
      createPostgresSearch(db).search({
        organizationId: org,
        viewerId: owner,
        limit: 20,
        ...(text ? { text } : {}),
      }),
    );
    const search = queries.find((q) => q.sql.includes("conversation_participants"));

    expect(search, String(text)).toBeDefined();
    return search!;
  }

  it("message search looks rare words up in the full-text index", async () => {
    for (const text of ["chimney", "chimney sweep", "zebra", "the"])
      await expectIndexed(await searchStatement(text), ["messages_search_vector_idx"]);
  });

  it("message search finds common words by walking the newest messages", async () => {
    for (const text of ["boiler noise", "hall"])
      await expectIndexed(await searchStatement(text), ["messages_organization_recent_idx"]);
  });

  it("message search without words walks the organization's messages newest first", async () => {
    await expectIndexed(await searchStatement(undefined), ["messages_organization_recent_idx"]);
  });
});
