import { permissions, SETTINGS_PERMISSION, SHARED_TEMPLATES_PERMISSION } from "@hearth/policies";
import { z } from "zod";
import { policyScope } from "../policy/gateway";
import { saveSettings, setTeamPermissions, settingsPage } from "../settings/organization-settings";
import { saveReplyTo } from "../settings/reply-to";
import { managerProcedure, router } from "../trpc";
import { int4 } from "../validation";

/** The version the Settings page was drawn from; a save over a newer one is CONFLICT. */
const settingsVersion = int4();

const permissionNames: [string, ...string[]] = [
  SETTINGS_PERMISSION,
  SHARED_TEMPLATES_PERMISSION,
  ...Object.values(permissions),
];

/** The customer's own settings (account owner; sub-users where the profile lets them). */
export const settingsRouter = router({
  /** The knobs the profile lets the organization change, the account mode and the team's permissions. */
  organization: managerProcedure.query(async ({ ctx }) =>
    settingsPage(ctx, await policyScope(ctx)),
  ),

  /** Saves the knobs the form shows (the ones the operator fixed left out) and the account mode. */
  save: managerProcedure
    .input(
      z.strictObject({
        settingsVersion,
        choices: z.record(z.string().max(100), z.unknown()),
        mode: z.enum(["landlord", "property_manager"]).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => saveSettings(ctx, await policyScope(ctx), input)),

  /** Where answers to the organization's email go; null: the account owner's address. */
  saveReplyTo: managerProcedure
    .input(
      z.strictObject({
        settingsVersion,
        replyTo: z
          .string()
          .trim()
          .max(320, "Use at most 320 characters")
          .email("Enter a valid email address")
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => saveReplyTo(ctx, await policyScope(ctx), input)),

  /** What one sub-user may do; only the account owner grants. */
  setPermissions: managerProcedure
    .input(
      z.strictObject({
        settingsVersion,
        userId: z.string().uuid(),
        permissions: z.array(z.enum(permissionNames)).max(permissionNames.length),
      }),
    )
    .mutation(async ({ ctx, input }) => setTeamPermissions(ctx, await policyScope(ctx), input)),
});
