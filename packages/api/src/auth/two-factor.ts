import type { Database, Kysely } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { FieldProblems } from "../trpc";
import type { SessionUser } from "./lucia";
import { matchTotp, newTotpSecret, otpauthUrl } from "./totp";

export const CODE_REQUIRED_MESSAGE = "Enter the 6-digit code from your authenticator app.";
export const CODE_WRONG_MESSAGE =
  "That code is not right, or was already used. Wait for a new one.";

/** A refusal that the sign-in form shows at its Code field. */
export function codeRefusal(message: string): TRPCError {
  return new TRPCError({
    code: "UNAUTHORIZED",
    message,
    cause: new FieldProblems({ code: [message] }),
  });
}

/**
 * Accepts `code` for this user's secret if it is within a step of now and later than the last
 * step used, and records its step in the same statement: a code is good once, even when two
 * requests carry it at the same time.
 */
export async function consumeTotpCode(
  db: Kysely<Database>,
  user: { id: string; totp_secret: string; totp_last_step: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  const step = matchTotp(user.totp_secret, code, now, user.totp_last_step);
  if (step === null) return false;
  const updated = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", user.id)
    .where("totp_secret", "=", user.totp_secret)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .returning("id")
    .executeTakeFirst();
  return updated !== undefined;
}

async function totpOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "totp_secret", "totp_enabled_at", "totp_last_step"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

/** Whether the signed-in user has two-factor sign-in on. */
export async function twoFactorStatus(ctx: Context & { user: SessionUser }) {
  const row = await totpOf(ctx.db, ctx.user.id);
  return { enabled: row.totp_enabled_at !== null, enabledAt: row.totp_enabled_at };
}

/** A new secret for the user, not yet in force: `enable` with a code from it turns it on. */
export async function beginTwoFactor(ctx: Context & { user: SessionUser }) {
  const row = await totpOf(ctx.db, ctx.user.id);
  if (row.totp_enabled_at)
    throw new TRPCError({
      code: "CONFLICT",
      message: "Two-factor sign-in is already on. Turn it off first to set up a new authenticator.",
    });
  const secret = newTotpSecret();
  await ctx.db
    .updateTable("users")
    .set({ totp_secret: secret, totp_last_step: null })
    .where("id", "=", row.id)
    .where("totp_enabled_at", "is", null)
    .execute();
  return { secret, otpauthUrl: otpauthUrl(secret, row.email) };
}

export async function enableTwoFactor(ctx: Context & { user: SessionUser }, code: string) {
  const row = await totpOf(ctx.db, ctx.user.id);
  if (row.totp_enabled_at)
    throw new TRPCError({ code: "CONFLICT", message: "Two-factor sign-in is already on." });
  if (!row.totp_secret)
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Start setting up two-factor sign-in first.",
    });
  const now = ctx.clock.now();
  if (!(await consumeTotpCode(ctx.db, { ...row, totp_secret: row.totp_secret }, code, now)))
    throw codeRefusal(CODE_WRONG_MESSAGE);
  await ctx.db
    .updateTable("users")
    .set({ totp_enabled_at: now })
    .where("id", "=", row.id)
    .where("totp_secret", "=", row.totp_secret)
    .execute();
  ctx.log.info({ userId: row.id }, "two-factor sign-in enabled");
  return { enabled: true };
}

export async function disableTwoFactor(ctx: Context & { user: SessionUser }, code: string) {
  const row = await totpOf(ctx.db, ctx.user.id);
  if (!row.totp_enabled_at || !row.totp_secret)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Two-factor sign-in is off." });
  if (
    !(await consumeTotpCode(
      ctx.db,
      { ...row, totp_secret: row.totp_secret },
      code,
      ctx.clock.now(),
    ))
  )
    throw codeRefusal(CODE_WRONG_MESSAGE);
  await ctx.db
    .updateTable("users")
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", row.id)
    .execute();
  ctx.log.info({ userId: row.id }, "two-factor sign-in disabled");
  return { enabled: false };
}
