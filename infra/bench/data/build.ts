/**
 * The bench's data set, built fast with set-based SQL: the demo data, then in the `standard`
 * organization `residents` residents (each connected, with an active lease on a unit of their
 * own), `conversations` direct conversations between the account owner and a resident, and
 * `messages` messages spread over them in time order. The secondary indexes of `messages` are
 * dropped during the insert and rebuilt after it, which is several times faster than
 * maintaining them row by row; whatever indexes the migrations define are rebuilt as defined.
 */
import { createDb, migrateToLatest } from "@hearth/db";
import { seedDemoData } from "@hearth/db/seed";
import pg from "pg";

export interface BenchUser {
  id: string;
  email: string;
}

export interface BenchConversation {
  id: string;
  /** Index into `residents` of the resident taking part with the owner. */
  resident: number;
}

export interface BenchData {
  organizationId: string;
  owner: BenchUser;
  residents: BenchUser[];
  conversations: BenchConversation[];
  messages: number;
}

export interface BuildOptions {
  messages: number;
  conversations: number;
  residents: number;
}

/** Logs a step with its duration. */
async function step<T>(log: (line: string) => void, what: string, run: () => Promise<T>) {
  const started = performance.now();
  const result = await run();
  log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

export async function buildBenchData(
  url: string,
  options: BuildOptions,
  log: (line: string) => void,
): Promise<BenchData> {
  const handle = createDb(url, { max: 2, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
  try {
    await step(log, "migrations and demo data", async () => {
      await migrateToLatest(handle.db);
      await seedDemoData(handle.db);
    });
  } finally {
    await handle.destroy();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set maintenance_work_mem = '512MB'");
    return await fill(client, options, log);
  } finally {
    await client.end();
  }
}

async function fill(
  client: pg.Client,
  options: BuildOptions,
  log: (line: string) => void,
): Promise<BenchData> {
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<R>(text, values)).rows;
  const [owner] = await q<{ id: string; organization_id: string; password_hash: string }>(
    "select id, organization_id, password_hash from users where email = 'owner@standard.demo'",
  );
  if (!owner) throw new Error("the demo data has no owner@standard.demo");
  const org = owner.organization_id;

  await step(log, `${options.residents} residents with leases`, async () => {
    await q(
      `insert into properties (organization_id, name, address) values ($1, 'Bench Tower', '1 Bench Way')`,
      [org],
    );
    await q(
      `create temp table bench_residents as
        select g as n, gen_random_uuid() as user_id, gen_random_uuid() as unit_id,
          gen_random_uuid() as lease_id
        from generate_series(0, $1::int - 1) g`,
      [options.residents],
    );
    await q(
      `insert into users (id, organization_id, email, display_name, kind, password_hash)
        select user_id, $1, 'bench-' || n || '@standard.demo', 'Bench Resident ' || n, 'resident', $2
        from bench_residents`,
      [org, owner.password_hash],
    );
    await q(
      `insert into user_settings (user_id, organization_id) select user_id, $1 from bench_residents`,
      [org],
    );
    await q(
      `insert into connections (organization_id, user_id, status, invited_by, connected_at)
        select $1, user_id, 'connected', $2, now() from bench_residents`,
      [org, owner.id],
    );
    await q(
      `insert into units (id, organization_id, property_id, name)
        select unit_id, $1, (select id from properties where name = 'Bench Tower'), 'B' || n
        from bench_residents`,
      [org],
    );
    await q(
      `insert into leases (id, organization_id, unit_id, starts_on, ends_on)
        select lease_id, $1, unit_id, current_date - 100, current_date + 265 from bench_residents`,
      [org],
    );
    await q(
      `insert into lease_residents (lease_id, user_id, organization_id)
        select lease_id, user_id, $1 from bench_residents`,
      [org],
    );
  });

  await step(log, `${options.conversations} conversations`, async () => {
    await q(
      `create temp table bench_conversations as
        select g as n, gen_random_uuid() as id, r.user_id as resident_id, r.n as resident
        from generate_series(0, $1::int - 1) g
        join bench_residents r on r.n = g % $2::int`,
      [options.conversations, options.residents],
    );
    await q(
      `insert into conversations (id, organization_id, kind, created_by, created_at)
        select id, $1, 'direct', $2, now() - interval '400 days' from bench_conversations`,
      [org, owner.id],
    );
    await q(
      `insert into conversation_participants (conversation_id, user_id, organization_id)
        select c.id, u.id, $1 from bench_conversations c
        cross join lateral (values ($2::uuid), (c.resident_id)) u(id)`,
      [org, owner.id],
    );
  });

  const indexes = await q<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename = 'messages'
        and indexname not in (select conname from pg_constraint where conrelid = 'messages'::regclass)`,
  );
  await step(log, `${options.messages.toLocaleString()} messages`, async () => {
    for (const { indexname } of indexes) await q(`drop index "${indexname}"`);
    // Message g is in conversation g % C, ids follow time, and every 200th is high priority.
    await q(
      `insert into messages (organization_id, conversation_id, sender_id, body, type, priority,
          sent_at, created_at)
        select $1, c.id, case when g % 2 = 0 then $2::uuid else c.resident_id end,
          'Message ' || g || ' about ' || (array['the hallway light', 'the water heater',
            'rent for next month', 'a package at the front desk', 'the parking permit'])[1 + g % 5],
          'general', case when g % 200 = 0 then 'high' else 'normal' end,
          now() - (($3::int - g) * interval '2 seconds'), now() - (($3::int - g) * interval '2 seconds')
        from generate_series(1, $3::int) g
        join bench_conversations c on c.n = g % $4::int
        order by g`,
      [org, owner.id, options.messages, options.conversations],
    );
  });
  await step(log, `rebuilt ${indexes.length} message indexes`, async () => {
    for (const { indexdef } of indexes) await q(indexdef);
  });

  await step(log, "activity times and read pointers", async () => {
    await q(
      `update conversations c set last_message_at = m.last
        from (select conversation_id, max(sent_at) as last from messages group by conversation_id) m
        where m.conversation_id = c.id`,
    );
    // The resident has read all but the newest 3; the owner all but the newest 10 in a fifth of
    // the conversations and everything in the rest.
    await q(
      `update conversation_participants p set
          last_read_message_id = coalesce((select id from messages m
            where m.conversation_id = p.conversation_id order by id desc
            offset case when p.user_id = $1::uuid then (case when c.n % 5 = 0 then 10 else 0 end) else 3 end
            limit 1), 0),
          last_read_at = now()
        from bench_conversations c where c.id = p.conversation_id`,
      [owner.id],
    );
  });
  // Counters the product keeps beside the messages (migration 0004) are maintained by its write
  // path, which the insert above bypasses; the product's own recount brings them in line.
  const [counters] = await q<{ present: boolean }>(
    "select to_regprocedure('inbox_refresh(uuid)') is not null as present",
  );
  if (counters?.present) await step(log, "inbox counters", () => q("select inbox_refresh()"));
  // The bulk insert queued every message for the search index (migration 0007). The bench
  // starts from an index in line with the data, as a product that has been running would.
  const [queue] = await q<{ present: boolean }>(
    "select to_regclass('search_index_queue') is not null as present",
  );
  if (queue?.present) await q("truncate search_index_queue");
  await step(log, "vacuum analyze", () => q("vacuum analyze"));

  const residents = await q<BenchUser>(
    `select user_id as id, 'bench-' || n || '@standard.demo' as email from bench_residents order by n`,
  );
  const conversations = await q<{ id: string; resident: number }>(
    "select id, resident from bench_conversations order by n",
  );
  return {
    organizationId: org,
    owner: { id: owner.id, email: "owner@standard.demo" },
    residents,
    conversations,
    messages: options.messages,
  };
}
