import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { queueEmail } from "../outbox";
import { appForKind } from "./lucia";
import { queuePasswordChangedNotice } from "./password-notice";
import { reservePasswordResetRequest } from "./reset-throttle";

export const RESET_LINK_MINUTES = 30;

/** What every "forgot password" request is told, whether or not the email has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If that email belongs to an account, a link to choose a new password is on its way. It works for 30 minutes.";

const INVALID_LINK_MESSAGE = "This reset link is not valid or has expired. Ask for a new one.";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Emails a single-use link to choose a new password, valid for 30 minutes, to the account with
 * this email, if there is one that has a password. The answer is the same either way; the
 * throttle counts every request alike. A new link replaces the account's earlier ones.
 */
export async function requestPasswordReset(
  ctx: Context,
  input: { email: string },
): Promise<{ message: string }> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const reservation = await reservePasswordResetRequest(
    ctx.db,
    email,
    ctx.ip ?? "unknown",
    now,
    ctx.ip !== null,
  );
  if (!reservation.ok) {
    const { waitMinutes } = reservation;
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Too many reset requests. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.`,
    });
  }
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "email", "display_name", "kind", "organization_id"])
    .where("email", "=", email)
    // Invited people set their first password through their invitation.
    .where("password_hash", "is not", null)
    .executeTakeFirst();
  if (!user) return { message: RESET_REQUESTED_MESSAGE };

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  const link = `${ctx.urls[appForKind[user.kind]]}/reset-password/${token}`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("password_reset_tokens")
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .execute();
    const row = await trx
      .insertInto("password_reset_tokens")
      .values({
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: now,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await queueEmail(trx, {
      dedupeKey: `password-reset:${row.id}`,
      to: user.email,
      organizationId: user.organization_id,
      subject: "Choose a new Hearth password",
      text: [
        `Hello ${user.display_name},`,
        "",
        "Someone (we hope you) asked to reset the password of your Hearth account.",
        `Choose a new one here (the link works once, for ${RESET_LINK_MINUTES} minutes):`,
        link,
        "",
        "If you did not ask, ignore this email: your password stays as it is.",
      ].join("\n"),
    });
  });
  ctx.log.info({ userId: user.id }, "password reset link sent");
  return { message: RESET_REQUESTED_MESSAGE };
}

async function findOpenToken(ctx: Context, token: string) {
  const row = await ctx.db
    .selectFrom("password_reset_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id", "t.user_id as userId", "u.email", "u.kind"])
    .where("t.token_hash", "=", hashToken(token))
    .where("t.used_at", "is", null)
    .where("t.expires_at", ">", ctx.clock.now())
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: INVALID_LINK_MESSAGE });
  return row;
}

/** Whether a reset link can still be used, and whose account it is for (shown on the page). */
export async function describePasswordReset(ctx: Context, token: string) {
  const row = await findOpenToken(ctx, token);
  return { email: row.email, app: appForKind[row.kind] };
}

/**
 * Sets the new password, spends the link and ends every session of the account, so whoever
 * signed in with the old password is out. It does not sign in: two-factor still asks for its code.
 */
export async function resetPassword(
  ctx: Context,
  input: { token: string; password: string },
): Promise<{ email: string }> {
  const found = await findOpenToken(ctx, input.token);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const user = await ctx.db.transaction().execute(async (trx) => {
    // The token is spent by this one conditional update: of two uses at once, one matches.
    const spent = await trx
      .updateTable("password_reset_tokens")
      .set({ used_at: now })
      .where("id", "=", found.id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!spent) throw new TRPCError({ code: "NOT_FOUND", message: INVALID_LINK_MESSAGE });
    const user = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now })
      .where("id", "=", spent.user_id)
      .returning(["id", "email", "display_name", "organization_id"])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await trx
      .deleteFrom("password_reset_tokens")
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: user.organization_id,
        actor_id: user.id,
        action: "password.reset",
        target_type: "user",
        target_id: user.id,
        before: null,
        after: null,
      })
      .execute();
    await queuePasswordChangedNotice(trx, user, `reset:${found.id}`);
    return user;
  });
  ctx.log.info({ userId: user.id }, "password reset; every session ended");
  return { email: user.email };
}
