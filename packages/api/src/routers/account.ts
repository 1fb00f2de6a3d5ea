import { z } from "zod";
import { changeDisplayName, changePassword, changeTimeZone } from "../auth/account";
import { authedProcedure, router } from "../trpc";
import { displayName, timeZoneName } from "../validation";
import { passwordSchema } from "./auth";

/** The signed-in person's own account: any kind of user, in either app. */
export const accountRouter = router({
  /** The name other people see. */
  changeName: authedProcedure
    .input(z.strictObject({ displayName: displayName() }))
    .mutation(({ ctx, input }) => changeDisplayName(ctx, input.displayName)),

  /** The time zone dates are shown in; null: the device's own. */
  changeTimeZone: authedProcedure
    .input(z.strictObject({ timeZone: timeZoneName().nullable() }))
    .mutation(({ ctx, input }) => changeTimeZone(ctx, input.timeZone)),

  /** A new password, given the current one; every other session is signed out. */
  changePassword: authedProcedure
    .input(
      z.strictObject({
        currentPassword: z.string().min(1, "Enter your current password").max(200),
        newPassword: passwordSchema,
      }),
    )
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
