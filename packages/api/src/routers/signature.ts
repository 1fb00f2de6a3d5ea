import { z } from "zod";
import { enforce, policyScope } from "../policy/gateway";
import { memberProcedure, router } from "../trpc";

/** One's signature, added below one's messages where the profile has signatures. */
export const signatureRouter = router({
  get: memberProcedure.query(async ({ ctx }) => {
    const scope = await policyScope(ctx);
    const row = await ctx.db
      .selectFrom("user_settings")
      .select("signature")
      .where("user_id", "=", ctx.user.id)
      .executeTakeFirst();
    return {
      signature: row?.signature ?? "",
      useSignature: scope.policy.useSignature({ actor: scope.actor }),
    };
  }),

  save: memberProcedure
    .input(
      z.strictObject({
        signature: z.string().trim().max(500, "Signatures are at most 500 characters"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      enforce(scope.policy.useSignature({ actor: scope.actor }));
      const values = { signature: input.signature || null, updated_at: scope.now };
      await ctx.db
        .insertInto("user_settings")
        .values({ user_id: ctx.user.id, organization_id: ctx.organizationId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
      return { saved: true };
    }),
});
