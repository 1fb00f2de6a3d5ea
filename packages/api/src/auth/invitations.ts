import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { queueEmail } from "../outbox/email";
import { appForKind, type SessionUser } from "./lucia";

export const INVITATION_DAYS = 7;

export type InvitableKind = "resident" | "service_pro" | "owner" | "manager";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Invites a person to the caller's organization: creates the account (no password yet) and an
 * `invited` connection when new, and queues the email with a link that lets them set a password,
 * in the same transaction (the outbox), so an invitation never exists without its email. Inviting
 * again replaces the earlier link.
 */
export async function invite(
  ctx: Context & { user: SessionUser; organizationId: string },
  input: { email: string; displayName: string; kind: InvitableKind },
): Promise<{ userId: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);

  const link = `${ctx.urls[appForKind[input.kind]]}/invite/${token}`;
  const displayName = input.displayName.trim();

  const userId = await ctx.db.transaction().execute(async (trx) => {
    // Locks the person's row: two invitations to one person at once wait for each other, and the
    // second replaces the first's link.
    const existing = await trx
      .selectFrom("users")
      .leftJoin("connections", (join) =>
        join
          .onRef("connections.user_id", "=", "users.id")
          .onRef("connections.organization_id", "=", "users.organization_id"),
      )
      .select(["users.id", "users.organization_id", "users.password_hash", "connections.status"])
      .where("users.email", "=", email)
      .forUpdate("users")
      .executeTakeFirst();
    if (existing && existing.organization_id !== ctx.organizationId) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "email: This email already belongs to another account.",
      });
    }
    if (existing && (existing.status === "connected" || existing.password_hash !== null)) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "email: This person is already connected.",
      });
    }
    let id = existing?.id;
    if (!id) {
      const created = await trx
        .insertInto("users")
        .values({
          organization_id: ctx.organizationId,
          email,
          display_name: displayName,
          kind: input.kind,
          manager_role: input.kind === "manager" ? "sub_user" : null,
          password_hash: null,
          phone: null,
          timezone: null,
          plan: null,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      // Someone created this account since the lookup above (a concurrent invitation).
      if (!created)
        throw new TRPCError({
          code: "CONFLICT",
          message: "email: This person was just invited. Try again to send a new link.",
        });
      id = created.id;
      await trx
        .insertInto("user_settings")
        .values({
          user_id: id,
          organization_id: ctx.organizationId,
          signature: null,
          auto_response_body: null,
        })
        .execute();
      await trx
        .insertInto("connections")
        .values({
          organization_id: ctx.organizationId,
          user_id: id,
          status: "invited",
          invited_by: ctx.user.id,
          connected_at: null,
        })
        .execute();
    }
    await trx
      .deleteFrom("invitations")
      .where("user_id", "=", id)
      .where("accepted_at", "is", null)
      .execute();
    const invitation = await trx
      .insertInto("invitations")
      .values({
        organization_id: ctx.organizationId,
        user_id: id,
        token_hash: hashToken(token),
        created_by: ctx.user.id,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: ctx.organizationId,
        actor_id: ctx.user.id,
        action: "invitation.sent",
        target_type: "user",
        target_id: id,
        before: null,
        after: JSON.stringify({ email, kind: input.kind }),
      })
      .execute();
    const org = await trx
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", ctx.organizationId)
      .executeTakeFirstOrThrow();
    await queueEmail(trx, {
      dedupeKey: `invitation:${invitation.id}`,
      to: email,
      organizationId: ctx.organizationId,
      subject: `${ctx.user.displayName} invited you to ${org.name}`,
      text: [
        `Hello ${displayName},`,
        "",
        `${ctx.user.displayName} invited you to message with ${org.name}.`,
        `Set your password here to connect (the link works for ${INVITATION_DAYS} days):`,
        link,
      ].join("\n"),
    });
    return id;
  });
  return { userId, expiresAt };
}

async function findOpenInvitation(ctx: Context, token: string) {
  const row = await ctx.db
    .selectFrom("invitations")
    .innerJoin("users", "users.id", "invitations.user_id")
    .innerJoin("organizations", "organizations.id", "invitations.organization_id")
    .select([
      "invitations.id",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.organization_id",
      "users.id as userId",
      "users.email",
      "users.display_name",
      "users.kind",
      "organizations.name as organizationName",
    ])
    .where("invitations.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.accepted_at !== null) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This invitation link is not valid. Ask for a new one.",
    });
  }
  if (row.expires_at.getTime() < ctx.clock.now().getTime()) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This invitation link has expired. Ask for a new one.",
    });
  }
  return row;
}

/** What the invitation page shows before the person sets a password. */
export async function describeInvitation(ctx: Context, token: string) {
  const row = await findOpenInvitation(ctx, token);
  return {
    email: row.email,
    displayName: row.display_name,
    organizationName: row.organizationName,
    app: appForKind[row.kind],
  };
}

/** Sets the password, connects the person and signs them in to the app they belong to. */
export async function acceptInvitation(
  ctx: Context,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  const row = await findOpenInvitation(ctx, input.token);
  if (appForKind[row.kind] !== ctx.app) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Open this link in ${ctx.urls[appForKind[row.kind]]}.`,
    });
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // The check above may be stale by now: the token is spent by this one conditional update.
    // Concurrent accepts queue on the row's lock, and each after the first finds it accepted (or
    // replaced by a newer invitation, or expired) and matches nothing.
    const accepted = await trx
      .updateTable("invitations")
      .set({ accepted_at: now })
      .where("id", "=", row.id)
      .where("accepted_at", "is", null)
      .where("expires_at", ">", now)
      .returning("id")
      .executeTakeFirst();
    if (!accepted)
      throw new TRPCError({
        code: "CONFLICT",
        message: "This invitation link is no longer valid. Ask for a new one.",
      });
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now })
      .where("id", "=", row.userId)
      .execute();
    await trx
      .updateTable("connections")
      .set({ status: "connected", connected_at: now })
      .where("user_id", "=", row.userId)
      .where("organization_id", "=", row.organization_id)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        organization_id: row.organization_id,
        actor_id: row.userId,
        action: "invitation.accepted",
        target_type: "user",
        target_id: row.userId,
        before: null,
        after: null,
      })
      .execute();
  });
  const auth = ctx.auth[ctx.app];
  const session = await auth.createSession(row.userId, { app: ctx.app });
  ctx.resHeaders.append("Set-Cookie", auth.createSessionCookie(session.id).serialize());
  return { userId: row.userId };
}
