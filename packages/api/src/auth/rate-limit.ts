import { type Database, type Kysely, sql } from "@hearth/db";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures from one address at one account before it waits, then twice as long each time. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures from one address across accounts in the window. */
export const MAX_FAILURES_PER_IP = 30;
/** Failures at one account from everywhere in the window: a guess spread over many addresses. */
export const MAX_FAILURES_PER_ACCOUNT = 100;
/** The longest a pair of account and address waits. */
const MAX_BACKOFF_MINUTES = 24 * 60;

export type Reservation =
  | { ok: true; attemptId: number; failuresBefore: number }
  | { ok: false; waitMinutes: number };

function minutesUntil(freeAt: number, now: Date): number {
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

/**
 * Checks the limits and, if the attempt may go ahead, records it as a failure until the password
 * proves otherwise, all under locks on the account and the address: concurrent attempts each see
 * the ones before, so no more passwords are checked than the limits allow.
 */
export async function reserveSignInAttempt(
  db: Kysely<Database>,
  email: string,
  ip: string,
  now: Date,
  /** The per-address limit applies only when the address is known, or one bad actor locks out everyone. */
  limitByIp: boolean,
): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    // Always the account first, then the address: two attempts never wait on each other in a ring.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:email:${email}`}, 0))`.execute(
      trx,
    );
    if (limitByIp)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:ip:${ip}`}, 0))`.execute(
        trx,
      );
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
    const backoffSince = new Date(now.getTime() - MAX_BACKOFF_MINUTES * 60_000);
    const row = await trx
      .selectFrom("sign_in_attempts as a")
      .select([
        sql<number>`count(*) filter (where a.email = ${email} and a.ip = ${ip} and not a.succeeded and a.created_at > coalesce((
          select max(s.created_at) from sign_in_attempts s
          where s.email = ${email} and s.ip = ${ip} and s.succeeded), ${backoffSince}))`.as(
          "byPair",
        ),
        sql<Date | null>`max(a.created_at) filter (where a.email = ${email} and a.ip = ${ip} and not a.succeeded)`.as(
          "lastByPair",
        ),
        sql<number>`count(*) filter (where a.email = ${email} and not a.succeeded and a.created_at > ${since})`.as(
          "byEmail",
        ),
        sql<number>`count(*) filter (where a.ip = ${ip} and not a.succeeded and a.created_at > ${since})`.as(
          "byIp",
        ),
        sql<Date | null>`min(a.created_at) filter (where a.ip = ${ip} and not a.succeeded and a.created_at > ${since})`.as(
          "oldestByIp",
        ),
        sql<Date | null>`min(a.created_at) filter (where a.email = ${email} and not a.succeeded and a.created_at > ${since})`.as(
          "oldestByEmail",
        ),
      ])
      .where("a.created_at", ">", backoffSince)
      .where((eb) => eb.or([eb("a.email", "=", email), eb("a.ip", "=", ip)]))
      .executeTakeFirstOrThrow();
    const byPair = Number(row.byPair);
    const window = SIGN_IN_WINDOW_MINUTES * 60_000;
    const waits: number[] = [];
    if (byPair >= MAX_FAILURES_PER_EMAIL && row.lastByPair) {
      const backoff = Math.min(
        MAX_BACKOFF_MINUTES,
        SIGN_IN_WINDOW_MINUTES * 2 ** (byPair - MAX_FAILURES_PER_EMAIL),
      );
      waits.push(new Date(row.lastByPair).getTime() + backoff * 60_000);
    }
    if (limitByIp && Number(row.byIp) >= MAX_FAILURES_PER_IP && row.oldestByIp)
      waits.push(new Date(row.oldestByIp).getTime() + window);
    if (Number(row.byEmail) >= MAX_FAILURES_PER_ACCOUNT && row.oldestByEmail)
      waits.push(new Date(row.oldestByEmail).getTime() + window);
    const freeAt = Math.max(0, ...waits);
    if (freeAt > now.getTime()) return { ok: false, waitMinutes: minutesUntil(freeAt, now) };
    const attempt = await trx
      .insertInto("sign_in_attempts")
      .values({ email, ip, succeeded: false, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, attemptId: Number(attempt.id), failuresBefore: byPair };
  });
}

/** The password was right: the reserved attempt stops counting as a failure. */
export async function markSignInSucceeded(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db
    .updateTable("sign_in_attempts")
    .set({ succeeded: true })
    .where("id", "=", attemptId)
    .execute();
}
