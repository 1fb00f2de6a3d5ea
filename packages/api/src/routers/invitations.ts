import { z } from "zod";
import { invite } from "../auth/invitations";
import { managerProcedure, router } from "../trpc";
import { displayName } from "../validation";

export const invitationsRouter = router({
  /** Invites a resident, service pro, owner or sub-user by email. */
  create: managerProcedure
    .input(
      z.strictObject({
        email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
        displayName: displayName(),
        kind: z.enum(["resident", "service_pro", "owner", "manager"]),
      }),
    )
    .mutation(({ ctx, input }) => invite(ctx, input)),

  /** People invited and not yet connected. */
  pending: managerProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("connections")
      .innerJoin("users", "users.id", "connections.user_id")
      .select([
        "users.id",
        "users.email",
        "users.display_name as displayName",
        "users.kind",
        "connections.invited_at as invitedAt",
      ])
      .where("connections.organization_id", "=", ctx.organizationId)
      .where("connections.status", "=", "invited")
      .orderBy("connections.invited_at", "desc")
      .execute(),
  ),
});
