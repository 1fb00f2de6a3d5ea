import type { MessageType } from "@hearth/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { requireParticipation } from "../messaging/access";
import { enforce, type PolicyScope, policyScope } from "../policy/gateway";
import { templateValues } from "./values";
import { fillTemplate, unknownVariables } from "./variables";

type MemberContext = Context & { organizationId: string; user: { id: string } };

export interface TemplateInput {
  name: string;
  body: string;
  type: MessageType;
}

const notFound = () =>
  new TRPCError({ code: "NOT_FOUND", message: "This template does not exist." });

function refuseUnknownVariables(body: string): void {
  const unknown = unknownVariables(body);
  if (unknown.length > 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `body: ${unknown.join(", ")} is not a variable. Use one of the listed variables.`,
    });
}

async function templatesScope(ctx: MemberContext): Promise<PolicyScope> {
  const scope = await policyScope(ctx);
  enforce(scope.policy.useTemplates({ actor: scope.actor }));
  return scope;
}

/** The organization's shared templates and the caller's own, by type then name. */
export async function listTemplates(ctx: MemberContext) {
  const scope = await templatesScope(ctx);
  const rows = await ctx.db
    .selectFrom("templates")
    .select(["id", "name", "body", "type", "owner_id", "updated_at as updatedAt"])
    .where("organization_id", "=", ctx.organizationId)
    .where((eb) => eb.or([eb("owner_id", "is", null), eb("owner_id", "=", ctx.user.id)]))
    .orderBy("type")
    .orderBy("name")
    .limit(500)
    .execute();
  const canManageShared = scope.policy.manageSharedTemplates({ actor: scope.actor });
  return {
    templates: rows.map(({ owner_id, ...row }) => ({
      ...row,
      shared: owner_id === null,
      editable: owner_id !== null || canManageShared.allowed,
    })),
    manageShared: canManageShared,
  };
}

export async function createTemplate(
  ctx: MemberContext,
  input: TemplateInput & { shared: boolean },
) {
  const scope = await templatesScope(ctx);
  if (input.shared) enforce(scope.policy.manageSharedTemplates({ actor: scope.actor }));
  refuseUnknownVariables(input.body);
  return ctx.db
    .insertInto("templates")
    .values({
      organization_id: ctx.organizationId,
      owner_id: input.shared ? null : ctx.user.id,
      name: input.name,
      body: input.body,
      type: input.type,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A template the caller may change: their own, or a shared one when the policy allows. */
async function changeable(ctx: MemberContext, scope: PolicyScope, id: string) {
  const row = await ctx.db
    .selectFrom("templates")
    .select(["id", "owner_id"])
    .where("id", "=", id)
    .where("organization_id", "=", ctx.organizationId)
    .where((eb) => eb.or([eb("owner_id", "is", null), eb("owner_id", "=", ctx.user.id)]))
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.owner_id === null) enforce(scope.policy.manageSharedTemplates({ actor: scope.actor }));
  return row;
}

export async function updateTemplate(
  ctx: MemberContext,
  id: string,
  change: Partial<TemplateInput>,
) {
  const scope = await templatesScope(ctx);
  await changeable(ctx, scope, id);
  if (change.body !== undefined) refuseUnknownVariables(change.body);
  await ctx.db
    .updateTable("templates")
    .set({ ...change, updated_at: scope.now })
    .where("id", "=", id)
    .where("organization_id", "=", ctx.organizationId)
    .execute();
  return { id };
}

export async function deleteTemplate(ctx: MemberContext, id: string) {
  const scope = await templatesScope(ctx);
  await changeable(ctx, scope, id);
  await ctx.db
    .deleteFrom("templates")
    .where("id", "=", id)
    .where("organization_id", "=", ctx.organizationId)
    .execute();
  return { id };
}

/**
 * A template filled in for one conversation, as it would be sent there: the caller's own or a
 * shared template, or text being written (`body`).
 */
export async function previewTemplate(
  ctx: MemberContext,
  conversationId: string,
  source: { templateId: string } | { body: string },
) {
  const scope = await templatesScope(ctx);
  await requireParticipation(ctx.db, ctx.organizationId, conversationId, ctx.user.id);
  let body: string;
  let type: MessageType = "general";
  if ("templateId" in source) {
    const template = await ctx.db
      .selectFrom("templates")
      .select(["body", "type"])
      .where("id", "=", source.templateId)
      .where("organization_id", "=", ctx.organizationId)
      .where((eb) => eb.or([eb("owner_id", "is", null), eb("owner_id", "=", ctx.user.id)]))
      .executeTakeFirst();
    if (!template) throw notFound();
    body = template.body;
    type = template.type;
  } else body = source.body;
  const values = await templateValues(ctx.db, {
    organizationId: ctx.organizationId,
    conversationId,
    writerId: ctx.user.id,
    now: scope.now,
  });
  return { body: fillTemplate(body, values), type, unknown: unknownVariables(body) };
}
