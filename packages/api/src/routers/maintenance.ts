import { z } from "zod";
import {
  listRequests,
  maintenanceSettings,
  setMaintenanceThreads,
  shareRequest,
  submitRequest,
  unitsForForm,
} from "../messaging/maintenance";
import { policyScope } from "../policy/gateway";
import { managerProcedure, memberProcedure, router } from "../trpc";

const id = z.string().uuid();

export const maintenanceRouter = router({
  /**
   * The viewer's maintenance requests (managers: every request of the organization), the units a
   * resident may file one about, and whether the Maintenance Requests channel exists for them.
   */
  list: memberProcedure.query(async ({ ctx }) => {
    const scope = await policyScope(ctx);
    const [requests, units] = await Promise.all([
      listRequests(ctx, scope),
      unitsForForm(ctx, scope),
    ]);
    return {
      requests,
      units,
      channel: scope.policy.useChannel({
        org: scope.orgFacts,
        actor: scope.actor,
        channel: "maintenance",
      }),
    };
  }),

  /** A resident submits a request; the policy decides whether a thread about it is created. */
  submit: memberProcedure
    .input(
      z.strictObject({
        title: z
          .string()
          .trim()
          .min(1, "Give the request a short title")
          .max(200, "Titles are at most 200 characters"),
        description: z
          .string()
          .trim()
          .min(1, "Describe the problem")
          .max(20_000, "Descriptions are at most 20,000 characters"),
        unitId: id.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => submitRequest(ctx, await policyScope(ctx), input)),

  /** A manager shares a request with tenants or service pros: they join its thread. */
  share: managerProcedure
    .input(z.strictObject({ requestId: id, userIds: z.array(id).min(1).max(50) }))
    .mutation(async ({ ctx, input }) => shareRequest(ctx, await policyScope(ctx), input)),

  /** The manager's own Maintenance Settings. */
  settings: managerProcedure.query(async ({ ctx }) =>
    maintenanceSettings(ctx, await policyScope(ctx)),
  ),

  /** Turns threads for requests submitted by tenants on or off for the signed-in manager. */
  setMaintenanceThreads: managerProcedure
    .input(z.strictObject({ enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      setMaintenanceThreads(ctx, await policyScope(ctx), input.enabled),
    ),
});
