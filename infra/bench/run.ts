/**
 * `npm run bench`: builds a database with BENCH_MESSAGES messages (1,000,000 by default) spread
 * over BENCH_CONVERSATIONS conversations of one manager, then times the read paths the apps hit
 * on every page: the inbox with unread counts, a thread page by keyset, and the people directory.
 * Each measurement runs a fixed number of times; nothing here loops without bound.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  createAuth,
  createCaller,
  createContextInner,
  createDevMailbox,
  createLiveHub,
  createLogger,
} from "@hearth/api";
import { createDb, migrateToLatest, sql } from "@hearth/db";
import { startEmbeddedPostgres } from "@hearth/db/embedded";
import { seedDemoData } from "@hearth/db/seed";
import { z } from "zod";
import { measure, report } from "./measure";

const env = z
  .object({
    BENCH_MESSAGES: z.coerce.number().int().min(1000).max(20_000_000).default(1_000_000),
    BENCH_CONVERSATIONS: z.coerce.number().int().min(10).max(100_000).default(2_000),
    BENCH_RUNS: z.coerce.number().int().min(5).max(10_000).default(200),
  })
  .parse(process.env);

const dir = await mkdtemp(path.join(os.tmpdir(), "hearth-bench-"));
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: 54400 + Math.floor(Math.random() * 500),
  ephemeral: true,
});
// Building the data set runs statements far longer than a request may.
const handle = createDb(server.url("postgres"), { max: 4, statementTimeoutMs: 0 });
const { db } = handle;
try {
  console.log(
    `building: ${env.BENCH_MESSAGES.toLocaleString()} messages in ${env.BENCH_CONVERSATIONS.toLocaleString()} conversations`,
  );
  await migrateToLatest(db);
  await seedDemoData(db);
  const started = performance.now();
  const owner = await db
    .selectFrom("users")
    .select(["id", "organization_id"])
    .where("email", "=", "owner@standard.demo")
    .executeTakeFirstOrThrow();
  const resident = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "resident@standard.demo")
    .executeTakeFirstOrThrow();
  const orgId = owner.organization_id!;
  await sql`
    insert into conversations (organization_id, kind, title, created_by, last_message_at)
    select ${orgId}, 'direct', 'Bench ' || g, ${owner.id}, now() - (g || ' minutes')::interval
    from generate_series(1, ${env.BENCH_CONVERSATIONS}) g`.execute(db);
  await sql`
    insert into conversation_participants (conversation_id, user_id, organization_id)
    select c.id, u.id, c.organization_id from conversations c cross join (values (${owner.id}::uuid), (${resident.id}::uuid)) u(id)
    where c.title like 'Bench %'`.execute(db);
  await sql`
    with bench as (select array_agg(id) as ids from conversations where title like 'Bench %')
    insert into messages (organization_id, conversation_id, sender_id, body, type, sent_at, created_at)
    select ${orgId}, bench.ids[1 + g % ${env.BENCH_CONVERSATIONS}],
           case when g % 2 = 0 then ${owner.id}::uuid else ${resident.id}::uuid end,
           'Benchmark message ' || g || ' about the hallway light and the water heater',
           'general', now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
    from generate_series(1, ${env.BENCH_MESSAGES}) g, bench`.execute(db);
  // The owner has read all but the newest ten messages of each conversation.
  await sql`
    update conversation_participants p set last_read_message_id = coalesce((
      select id from messages m where m.conversation_id = p.conversation_id order by id desc offset 10 limit 1), 0)
    where p.user_id = ${owner.id}`.execute(db);
  await sql`analyze`.execute(db);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const live = createLiveHub(server.url("postgres"), createLogger("silent"));
  const deps = {
    db,
    live,
    auth: {
      manager: createAuth(handle.pool, "manager", { secure: false }),
      resident: createAuth(handle.pool, "resident", { secure: false }),
    },
    logger: createLogger("silent"),
    mailer: createDevMailbox(db),
    clock: { now: () => new Date() },
    urls: { manager: "http://localhost:3000", resident: "http://localhost:3001" },
    devTools: false,
  };
  const session = await deps.auth.manager.createSession(owner.id, { app: "manager" });
  const validated = await deps.auth.manager.validateSession(session.id);
  if (!validated.user || !validated.session) throw new Error("no session");
  const caller = createCaller(
    createContextInner(
      deps,
      { app: "manager", requestId: "bench", ip: null, resHeaders: new Headers() },
      { user: validated.user, session: validated.session },
    ),
  );
  const busiest = await db
    .selectFrom("messages")
    .select("conversation_id")
    .groupBy("conversation_id")
    .orderBy(sql`count(*)`, "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const middle = await db
    .selectFrom("messages")
    .select("id")
    .where("conversation_id", "=", busiest.conversation_id)
    .orderBy("id", "desc")
    .offset(50)
    .limit(1)
    .executeTakeFirstOrThrow();

  const results = [
    await measure(
      `conversations.list (100 newest of ${env.BENCH_CONVERSATIONS.toLocaleString()} conversations, unread counts)`,
      env.BENCH_RUNS,
      () => caller.conversations.list(),
    ),
    await measure("thread page: 50 messages before a cursor (keyset)", env.BENCH_RUNS, () =>
      db
        .selectFrom("messages")
        .selectAll()
        .where("conversation_id", "=", busiest.conversation_id)
        .where("id", "<", middle.id)
        .orderBy("id", "desc")
        .limit(50)
        .execute(),
    ),
    await measure("directory.people", env.BENCH_RUNS, () => caller.directory.people()),
    await measure("session validation (every request)", env.BENCH_RUNS, () =>
      deps.auth.manager.validateSession(session.id),
    ),
  ];
  await live.close();
  report(
    results,
    `${env.BENCH_MESSAGES.toLocaleString()} messages, ${env.BENCH_RUNS} runs each, ${os.cpus().length} cores`,
  );
} finally {
  await handle.destroy();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
