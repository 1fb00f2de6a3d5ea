import { type Database, type Kysely, sql } from "@hearth/db";

export const RESET_WINDOW_MINUTES = 60;
/** Reset emails one address may ask for in the window: enough for a lost one, too few to flood. */
export const MAX_RESETS_PER_EMAIL = 3;
/** Requests from one address across emails in the window. */
export const MAX_RESETS_PER_IP = 20;

/**
 * Records a "forgot password" request unless the email or the address asked too often lately;
 * returns the minutes to wait instead. Known and unknown emails count alike, so the throttle tells
 * nothing about which have accounts. Serialised per email and address as sign-in attempts are.
 */
export async function reservePasswordResetRequest(
  db: Kysely<Database>,
  email: string,
  ip: string,
  now: Date,
  /** As for sign-in: without a known address, one bad actor would throttle everyone. */
  limitByIp: boolean,
): Promise<{ ok: true } | { ok: false; waitMinutes: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`reset:email:${email}`}, 0))`.execute(
      trx,
    );
    if (limitByIp)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`reset:ip:${ip}`}, 0))`.execute(
        trx,
      );
    const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
    const row = await trx
      .selectFrom("password_reset_requests")
      .select([
        sql<number>`count(*) filter (where email = ${email})`.as("byEmail"),
        sql<Date | null>`min(created_at) filter (where email = ${email})`.as("oldestByEmail"),
        sql<number>`count(*) filter (where ip = ${ip})`.as("byIp"),
        sql<Date | null>`min(created_at) filter (where ip = ${ip})`.as("oldestByIp"),
      ])
      .where("created_at", ">", since)
      .where((eb) => eb.or([eb("email", "=", email), eb("ip", "=", ip)]))
      .executeTakeFirstOrThrow();
    const waits: number[] = [];
    if (Number(row.byEmail) >= MAX_RESETS_PER_EMAIL && row.oldestByEmail)
      waits.push(new Date(row.oldestByEmail).getTime());
    if (limitByIp && Number(row.byIp) >= MAX_RESETS_PER_IP && row.oldestByIp)
      waits.push(new Date(row.oldestByIp).getTime());
    if (waits.length > 0) {
      const freeAt = Math.max(...waits) + RESET_WINDOW_MINUTES * 60_000;
      return { ok: false, waitMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
    }
    await trx
      .insertInto("password_reset_requests")
      .values({ email, ip, created_at: now })
      .execute();
    return { ok: true };
  });
}
