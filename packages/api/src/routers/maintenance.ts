import { maintenanceStatuses, priorities } from "@hearth/db";
import { composerOptions } from "@hearth/policies";
import { z } from "zod";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../data/attachments";
import { requestDetail } from "../maintenance/detail";
import { filterChoices, requestsPage } from "../maintenance/page";
import { setStatus } from "../maintenance/status";
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
      /** The form's attach button, with the limits a file is checked against before it uploads. */
      attachFile: composerOptions(scope.policy, { actor: scope.actor }).attachFile,
    };
  }),

  /**
   * The managers' maintenance page: every request of the organization, newest first, filtered by
   * status, priority, property or unit; pass `cursor` (the page's `nextCursor`) for the next page.
   */
  page: managerProcedure
    .input(
      z
        .strictObject({
          status: z.enum(maintenanceStatuses).optional(),
          priority: z.enum(priorities).optional(),
          propertyId: id.optional(),
          unitId: id.optional(),
          cursor: id.optional(),
          limit: z.number().int().min(1).max(100).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const scope = await policyScope(ctx);
      const [page, choices, settings] = await Promise.all([
        requestsPage(ctx.db, ctx.organizationId, ctx.user.id, input),
        filterChoices(ctx.db, ctx.organizationId),
        maintenanceSettings(ctx, scope),
      ]);
      return { ...page, choices, settings };
    }),

  /** One request for a manager: its history, the status choices and whom it may be shared with. */
  detail: managerProcedure
    .input(z.strictObject({ requestId: id }))
    .query(async ({ ctx, input }) => requestDetail(ctx, await policyScope(ctx), input.requestId)),

  /** A manager changes a request's status; the resident is told. */
  setStatus: managerProcedure
    .input(z.strictObject({ requestId: id, status: z.enum(maintenanceStatuses) }))
    .mutation(async ({ ctx, input }) => setStatus(ctx, await policyScope(ctx), input)),

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
        /** Photos and files from `/api/files`; the request is refused whole if one is not the submitter's own. */
        attachmentIds: z
          .array(id)
          .max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files`)
          .default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => submitRequest(ctx, await policyScope(ctx), input)),

  /** A manager shares a request with tenants or service pros: they see it, and join its thread where the profile has them. */
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
