import { sql } from "@hearth/db";
import { operatorProcedure, router } from "../trpc";

export const operatorRouter = router({
  /** Every customer organization with its policy profile. */
  organizations: operatorProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("organizations as o")
      .select((eb) => [
        "o.id",
        "o.slug",
        "o.name",
        "o.policy_profile as policyProfile",
        "o.mode",
        eb
          .selectFrom("users as u")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("u.organization_id", "=", "o.id")
          .as("people"),
      ])
      .orderBy("o.name")
      .execute(),
  ),
});
