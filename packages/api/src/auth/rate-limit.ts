import { type Database, type Kysely, sql } from "@hearth/db";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Failed sign-ins are counted in Postgres, so the limit holds across every app instance.
 * Returns the minutes to wait, or null when another attempt may go ahead.
 */
export async function signInLockout(
  db: Kysely<Database>,
  email: string,
  ip: string,
  now: Date,
  /** The per-address limit applies only when the address is known, or one bad actor locks out everyone. */
  limitByIp: boolean,
): Promise<number | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom("sign_in_attempts")
    .select([
      sql<number>`count(*) filter (where email = ${email})`.as("byEmail"),
      sql<number>`count(*) filter (where ip = ${ip})`.as("byIp"),
      sql<Date | null>`min(created_at) filter (where email = ${email})`.as("oldestByEmail"),
      sql<Date | null>`min(created_at) filter (where ip = ${ip})`.as("oldestByIp"),
    ])
    .where("succeeded", "=", false)
    .where("created_at", ">", since)
    .where((eb) => eb.or([eb("email", "=", email), eb("ip", "=", ip)]))
    .executeTakeFirstOrThrow();
  const oldest =
    row.byEmail >= MAX_FAILURES_PER_EMAIL
      ? row.oldestByEmail
      : limitByIp && row.byIp >= MAX_FAILURES_PER_IP
        ? row.oldestByIp
        : null;
  if (!oldest) return null;
  const freeAt = new Date(oldest).getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

export async function recordSignInAttempt(
  db: Kysely<Database>,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto("sign_in_attempts")
    .values({
      email: attempt.email,
      ip: attempt.ip,
      succeeded: attempt.succeeded,
      created_at: attempt.at,
    })
    .execute();
}
