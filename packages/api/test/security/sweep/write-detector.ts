import { type Database, type Kysely, sql } from "@hearth/db";

/**
 * Tells whether any table of this database changed: per table its row count and the newest row
 * version (an update writes a new version, with a newer xmin).
 */
export async function createWriteDetector(db: Kysely<Database>) {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not like 'kysely_%'
      order by table_name`.execute(db)
  ).rows.map((row) => row.name);
  const parts = tables.map(
    (table) =>
      sql`select ${table} as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as mark from ${sql.table(table)}`,
  );
  const statement = sql<{ name: string; mark: string }>`${sql.join(parts, sql` union all `)}`;
  const read = async () =>
    new Map((await statement.execute(db)).rows.map((row) => [row.name, row.mark]));
  // The next transaction id moves only when some transaction writes (anywhere in the cluster):
  // while it stands still, nothing needs counting.
  const nextXid = async () =>
    (
      await sql<{
        xmax: string;
      }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db)
    ).rows[0]?.xmax ?? "";
  let last = await read();
  let lastXid = await nextXid();
  return {
    /** The tables changed since the last call (or since creation). */
    async changed(): Promise<string[]> {
      const xid = await nextXid();
      if (xid === lastXid) return [];
      lastXid = xid;
      const now = await read();
      const changed = tables.filter((table) => now.get(table) !== last.get(table));
      last = now;
      return changed;
    },
  };
}
