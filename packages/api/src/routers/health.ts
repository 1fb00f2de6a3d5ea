import { sql } from "@hearth/db";
import { publicProcedure, router } from "../trpc";

export const healthRouter = router({
  /** Answers once the database answers. */
  check: publicProcedure.query(async ({ ctx }) => {
    const started = performance.now();
    await sql`select 1`.execute(ctx.db);
    return {
      status: "ok" as const,
      database: "up" as const,
      databaseMs: Math.round(performance.now() - started),
    };
  }),
});
