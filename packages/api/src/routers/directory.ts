import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { memberProcedure, router } from "../trpc";

export const directoryRouter = router({
  /** People of the caller's organization, with their connection state. */
  people: memberProcedure
    .input(z.object({ search: z.string().trim().max(100).optional() }).optional())
    .query(({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("users")
        .leftJoin("connections", (join) =>
          join
            .onRef("connections.user_id", "=", "users.id")
            .onRef("connections.organization_id", "=", "users.organization_id"),
        )
        .select([
          "users.id",
          "users.display_name as displayName",
          "users.email",
          "users.kind",
          "users.manager_role as managerRole",
          "connections.status as connection",
        ])
        .where("users.organization_id", "=", ctx.organizationId)
        .orderBy("users.display_name")
        .limit(200);
      if (input?.search)
        query = query.where(
          "users.display_name",
          "ilike",
          `%${input.search.replace(/[\\%_]/g, "\\$&")}%`,
        );
      return query.execute();
    }),

  /** One person of the caller's organization; another organization's id is simply not found. */
  person: memberProcedure
    .input(z.object({ id: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const person = await ctx.db
        .selectFrom("users")
        .select([
          "id",
          "display_name as displayName",
          "email",
          "kind",
          "manager_role as managerRole",
        ])
        .where("id", "=", input.id)
        .where("organization_id", "=", ctx.organizationId)
        .executeTakeFirst();
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
