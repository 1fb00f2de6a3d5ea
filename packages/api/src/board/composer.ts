/** What the viewer's "new post" form offers: whether they may publish, where, and which kinds. */
import { boardCategories, composerOptions } from "@hearth/policies";
import type { PolicyScope } from "../policy/gateway";
import { boardActor, type MemberContext } from "./access";

export async function postComposer(ctx: MemberContext, scope: PolicyScope) {
  const actorAt = await boardActor(ctx, scope);
  const publish = scope.policy.postToBoard({ actor: scope.actor });
  const properties = await ctx.db
    .selectFrom("properties")
    .select(["id", "name"])
    .where("organization_id", "=", ctx.organizationId)
    .orderBy("name")
    .execute();
  return {
    publish,
    /** Refused for those whose posts wait for a manager; its reason says so. */
    approval: scope.policy.publishWithoutApproval({ actor: scope.actor }),
    categories: boardCategories.filter(
      (category) => scope.policy.postToBoard({ actor: scope.actor, category }).allowed,
    ),
    // Residents post only where they may see the board: their active, shared leases.
    properties: properties.filter(
      (property) => scope.policy.postToBoard({ actor: actorAt(property.id) }).allowed,
    ),
    /** Whether a post may go to the whole organization rather than one property. */
    organizationWide: publish.allowed,
    /** The attach button of posts and comments, with the limits a file is checked against. */
    attachFile: composerOptions(scope.policy, { actor: scope.actor }).attachFile,
  };
}
