import { hashPassword, verifyPassword } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Session } from "lucia";
import type { Context } from "../context";
import { FieldProblems } from "../trpc";
import { queueGuessingNotice } from "./guessing-notice";
import type { SessionUser } from "./lucia";
import { queuePasswordChangedNotice } from "./password-notice";
import { MAX_FAILURES_PER_EMAIL, markSignInSucceeded, reserveSignInAttempt } from "./rate-limit";

type SignedInContext = Context & { user: SessionUser; session: Session };

/** The name other people see. Takes effect on the next request (the session reads the user). */
export async function changeDisplayName(
  ctx: SignedInContext,
  displayName: string,
): Promise<{ displayName: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", ctx.user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("users")
      .set({ display_name: displayName, updated_at: ctx.clock.now() })
      .where("id", "=", ctx.user.id)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.user.organizationId,
        actor_id: ctx.user.id,
        action: "user.renamed",
        target_type: "user",
        target_id: ctx.user.id,
        before: JSON.stringify({ displayName: before.display_name }),
        after: JSON.stringify({ displayName }),
      })
      .execute();
  });
  return { displayName };
}

/**
 * The time zone the person sees dates in; null follows their device. Takes effect on the next
 * request, like the name. Quiet hours count in it too.
 */
export async function changeTimeZone(
  ctx: SignedInContext,
  timeZone: string | null,
): Promise<{ timeZone: string | null }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("users")
      .select("timezone")
      .where("id", "=", ctx.user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.timezone === timeZone) return;
    await trx
      .updateTable("users")
      .set({ timezone: timeZone, updated_at: ctx.clock.now() })
      .where("id", "=", ctx.user.id)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.user.organizationId,
        actor_id: ctx.user.id,
        action: "user.time_zone_changed",
        target_type: "user",
        target_id: ctx.user.id,
        before: JSON.stringify({ timeZone: before.timezone }),
        after: JSON.stringify({ timeZone }),
      })
      .execute();
  });
  return { timeZone };
}

const WRONG_PASSWORD = "That is not your current password.";

/**
 * A new password, given the current one. A wrong current password counts as a failed sign-in
 * (a stolen session cannot guess faster than the sign-in form). Every other session of the
 * account is signed out; this one stays.
 */
export async function changePassword(
  ctx: SignedInContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ otherSessionsEnded: number }> {
  const now = ctx.clock.now();
  const reservation = await reserveSignInAttempt(
    ctx.db,
    ctx.user.email,
    ctx.ip ?? "unknown",
    now,
    ctx.ip !== null,
  );
  if (!reservation.ok) {
    const { waitMinutes } = reservation;
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Too many wrong passwords. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.`,
    });
  }
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "email", "display_name", "organization_id", "password_hash"])
    .where("id", "=", ctx.user.id)
    .executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    if (reservation.failuresBefore + 1 === MAX_FAILURES_PER_EMAIL)
      await queueGuessingNotice(ctx, user, now);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: WRONG_PASSWORD,
      cause: new FieldProblems({ currentPassword: [WRONG_PASSWORD] }),
    });
  }
  await markSignInSucceeded(ctx.db, reservation.attemptId);
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now })
      .where("id", "=", user.id)
      .execute();
    const ended = await trx
      .deleteFrom("sessions")
      .where("user_id", "=", user.id)
      .where("id", "!=", ctx.session.id)
      .executeTakeFirst();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: user.organization_id,
        actor_id: user.id,
        action: "password.changed",
        target_type: "user",
        target_id: user.id,
        before: null,
        after: null,
      })
      .execute();
    await queuePasswordChangedNotice(trx, user, `changed:${now.getTime()}`);
    return Number(ended.numDeletedRows);
  });
  ctx.log.info({ userId: user.id, otherSessionsEnded: ended }, "password changed");
  return { otherSessionsEnded: ended };
}
