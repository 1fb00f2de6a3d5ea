import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  organizationPeople,
  organizationPerson,
  reachablePeople,
  reachablePerson,
} from "../messaging/directory";
import { policyScope } from "../policy/gateway";
import { memberProcedure, router } from "../trpc";

export const directoryRouter = router({
  /**
   * People of the caller's organization. Managers see everyone with email and connection state;
   * anyone else only the people they may message or already talk with, by name and kind.
   */
  people: memberProcedure
    .input(z.strictObject({ search: z.string().trim().max(100).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      return scope.actor.kind === "manager"
        ? organizationPeople(ctx.db, ctx.organizationId, input?.search)
        : reachablePeople(ctx.db, scope, ctx.user.id, input?.search ?? "");
    }),

  /** One person the caller may know of; anyone else (or another organization's id) is not found. */
  person: memberProcedure
    .input(z.strictObject({ id: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      const person =
        scope.actor.kind === "manager"
          ? await organizationPerson(ctx.db, ctx.organizationId, input.id)
          : await reachablePerson(ctx.db, scope, ctx.user.id, input.id);
      if (!person)
        throw new TRPCError({ code: "NOT_FOUND", message: "No such person in your organization." });
      return person;
    }),

  /** Properties and their units. */
  properties: memberProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectFrom("properties")
      .leftJoin("units", "units.property_id", "properties.id")
      .select([
        "properties.id",
        "properties.name",
        "properties.address",
        "units.id as unitId",
        "units.name as unitName",
      ])
      .where("properties.organization_id", "=", ctx.organizationId)
      .orderBy("properties.name")
      .orderBy("units.name")
      .execute();
    const byId = new Map<
      string,
      { id: string; name: string; address: string | null; units: { id: string; name: string }[] }
    >();
    for (const row of rows) {
      const property = byId.get(row.id) ?? {
        id: row.id,
        name: row.name,
        address: row.address,
        units: [],
      };
      if (row.unitId && row.unitName) property.units.push({ id: row.unitId, name: row.unitName });
      byId.set(row.id, property);
    }
    return [...byId.values()];
  }),
});
