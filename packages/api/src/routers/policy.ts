import { capabilities, composerOptions } from "@hearth/policies";
import { z } from "zod";
import { requireParticipation } from "../messaging/access";
import { loadConversationFacts, loadParties } from "../policy/facts";
import { policyScope } from "../policy/gateway";
import { memberProcedure, router } from "../trpc";

export const policyRouter = router({
  /**
   * What the signed-in user may do, each refusal with the reason to show: always the account-level
   * actions, plus `reply` for a conversation and `start` for a set of recipients. With them come
   * the profile's vocabulary (the words every sentence of the apps uses) and what the composer of
   * a new conversation offers.
   */
  capabilities: memberProcedure
    .input(
      z
        .object({
          conversationId: z.string().uuid().optional(),
          recipientIds: z.array(z.string().uuid()).max(50).optional(),
          kind: z.enum(["direct", "unit_group", "team", "broadcast"]).default("direct"),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      let conversation: Awaited<ReturnType<typeof loadConversationFacts>> = null;
      if (input.conversationId) {
        await requireParticipation(ctx.db, ctx.organizationId, input.conversationId, ctx.user.id);
        conversation = await loadConversationFacts(
          ctx.db,
          ctx.organizationId,
          input.conversationId,
          scope.now,
          scope.org.timezone,
        );
      }
      const result = capabilities(scope.policy, {
        org: scope.orgFacts,
        actor: scope.actor,
        now: scope.now,
        ...(conversation ? { conversation } : {}),
      });
      if (input.recipientIds?.length) {
        const parties = await loadParties(
          ctx.db,
          ctx.organizationId,
          input.recipientIds,
          scope.now,
          scope.org.timezone,
        );
        const membership = scope.policy.membershipGate({
          people: input.recipientIds.map((id) => parties.get(id)),
        });
        result.start = membership.allowed
          ? scope.policy.startConversation({
              org: scope.orgFacts,
              actor: scope.actor,
              kind: input.kind,
              recipients: [...parties.values()],
            })
          : membership;
      }
      return {
        profile: scope.org.profile,
        capabilities: result,
        vocabulary: scope.policy.profile.vocabulary,
        composer: composerOptions(scope.policy, { actor: scope.actor }),
      };
    }),
});
