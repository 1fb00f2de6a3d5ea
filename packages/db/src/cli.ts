/**
 * `npm run db:migrate | db:seed | db:reset` against DATABASE_URL, or the embedded dev database.
 */
import { sql } from "kysely";
import { createDb } from "./connection";
import { openDevDatabase } from "./dev-database";
import { migrateToLatest } from "./migrate";
import { isSeeded, seedDemoData } from "./seed/index";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed" && command !== "reset") {
  console.error("usage: cli.ts migrate | seed | reset");
  process.exit(2);
}

const database = await openDevDatabase();
// Migrations may rewrite big tables: no statement timeout here, unlike a request.
const { db, destroy } = createDb(database.url, { statementTimeoutMs: 0 });
try {
  if (command === "reset") {
    await sql`drop schema public cascade; drop schema if exists graphile_worker cascade; create schema public;`.execute(
      db,
    );
    console.log("dropped every table");
  }
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `applied ${applied.join(", ")}` : "migrations: up to date");
  if (command !== "migrate") {
    if (await isSeeded(db))
      console.log("seed: the database already has data; run db:reset to start over");
    else {
      await seedDemoData(db);
      console.log("seed: demo data written (password for every login: demo-password)");
    }
  }
} finally {
  await destroy();
  await database.stop();
}
