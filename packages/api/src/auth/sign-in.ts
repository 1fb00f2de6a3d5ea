import { hashPassword, verifyPassword } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { queueGuessingNotice } from "./guessing-notice";
import { appForKind, type SessionUser } from "./lucia";
import { MAX_FAILURES_PER_EMAIL, markSignInSucceeded, reserveSignInAttempt } from "./rate-limit";
import {
  CODE_REQUIRED_MESSAGE,
  CODE_WRONG_MESSAGE,
  codeRefusal,
  consumeTotpCode,
} from "./two-factor";

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real verification so that unknown emails cannot be told apart. */
async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password");
  await verifyPassword(await dummyHash, password);
  return false;
}

const appNames = { manager: "the manager app", resident: "the resident portal" } as const;

/**
 * Checks the password, the app the account belongs to and the rate limit, then starts a session
 * in this app and sets its cookie on `ctx.resHeaders`.
 */
export async function signIn(
  ctx: Context,
  input: { email: string; password: string; code?: string | undefined },
): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const reservation = await reserveSignInAttempt(
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
      message: `Too many sign-in attempts. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.`,
    });
  }
  const user = await ctx.db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "display_name",
      "kind",
      "manager_role",
      "organization_id",
      "timezone",
      "password_hash",
      "totp_secret",
      "totp_enabled_at",
      "totp_last_step",
    ])
    .where("email", "=", email)
    .executeTakeFirst();
  const passwordOk = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!user || !passwordOk) {
    // The reserved attempt already counts as this failure.
    if (user && reservation.failuresBefore + 1 === MAX_FAILURES_PER_EMAIL)
      await queueGuessingNotice(ctx, user, now);
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "That email and password do not match an account.",
    });
  }
  // Two-factor: the reserved attempt stays a failure until the code is right too, so wrong and
  // reused codes count in the throttle like wrong passwords.
  if (user.totp_enabled_at && user.totp_secret) {
    if (!input.code) throw codeRefusal(CODE_REQUIRED_MESSAGE);
    const secret = user.totp_secret;
    if (!(await consumeTotpCode(ctx.db, { ...user, totp_secret: secret }, input.code, now))) {
      if (reservation.failuresBefore + 1 === MAX_FAILURES_PER_EMAIL)
        await queueGuessingNotice(ctx, user, now);
      throw codeRefusal(CODE_WRONG_MESSAGE);
    }
  }
  await markSignInSucceeded(ctx.db, reservation.attemptId);
  const home = appForKind[user.kind];
  if (home !== ctx.app) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This account signs in to ${appNames[home]} at ${ctx.urls[home]}/login.`,
    });
  }
  const auth = ctx.auth[ctx.app];
  const session = await auth.createSession(user.id, { app: ctx.app });
  ctx.resHeaders.append("Set-Cookie", auth.createSessionCookie(session.id).serialize());
  ctx.log.info({ userId: user.id }, "signed in");
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    kind: user.kind,
    managerRole: user.manager_role,
    organizationId: user.organization_id,
    timeZone: user.timezone,
  };
}

/** Ends the current session and clears the cookie. */
export async function signOut(ctx: Context): Promise<void> {
  const auth = ctx.auth[ctx.app];
  if (ctx.session) await auth.invalidateSession(ctx.session.id);
  ctx.resHeaders.append("Set-Cookie", auth.createBlankSessionCookie().serialize());
}
