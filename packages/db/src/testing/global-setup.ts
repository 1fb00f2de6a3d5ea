/**
 * vitest globalSetup for every package whose tests touch data: one real Postgres per test run
 * (embedded in a throwaway folder unless DATABASE_URL is set), with two template databases,
 * migrated and migrated + seeded, which test files clone into databases of their own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../connection";
import { startEmbeddedPostgres } from "../embedded";
import { migrateToLatest } from "../migrate";
import { seedDemoData } from "../seed/index";

import "./provided-context";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const parent = await mkdtemp(path.join(os.tmpdir(), "hearth-test-"));
    const server = await startEmbeddedPostgres({
      dataDir: path.join(parent, "pg"),
      port: await freePort(),
      ephemeral: true,
    });
    adminUrl = server.url("postgres");
    cleanups.push(async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    });
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const template = `tpl_${suffix}`;
  const seededTemplate = `tpl_seeded_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of [template, seededTemplate]) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  for (const name of [template, seededTemplate]) {
    const handle = createDb(withDatabase(adminUrl, name), { max: 2 });
    try {
      await migrateToLatest(handle.db);
      if (name === seededTemplate) await seedDemoData(handle.db);
    } finally {
      await handle.destroy();
    }
  }
  const url = adminUrl;
  cleanups.unshift(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const leftovers = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`%${suffix}`],
      );
      for (const row of leftovers.rows)
        await client.query(`drop database if exists "${row.datname}" with (force)`);
    } finally {
      await client.end();
    }
  });
  project.provide("testDatabase", { adminUrl, template, seededTemplate, runId: suffix });
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
