import { z } from "zod";
import { acceptInvitation, describeInvitation } from "../auth/invitations";
import { describePasswordReset, requestPasswordReset, resetPassword } from "../auth/password-reset";
import { signIn, signOut } from "../auth/sign-in";
import { authedProcedure, publicProcedure, router } from "../trpc";
import { oneTimeCode } from "../validation";

const email = z.string().trim().toLowerCase().email("Enter a valid email address").max(320);

/** A reset link's token: 32 random bytes, base64url. */
const resetToken = z.string().min(20, "This reset link is not valid.").max(200);

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const authRouter = router({
  /** The signed-in user with their organization, or null. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const organization = ctx.user.organizationId
      ? await ctx.db
          .selectFrom("organizations")
          .select(["id", "name", "slug", "policy_profile as policyProfile", "timezone"])
          .where("id", "=", ctx.user.organizationId)
          .executeTakeFirstOrThrow()
      : null;
    return { user: ctx.user, organization };
  }),

  signIn: publicProcedure
    .input(
      z.strictObject({
        email,
        password: z.string().min(1, "Enter your password").max(200),
        /** Required once the account has two-factor sign-in on. */
        code: oneTimeCode().optional(),
      }),
    )
    .mutation(({ ctx, input }) => signIn(ctx, input)),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx);
    return { signedOut: true };
  }),

  invitation: publicProcedure
    .input(z.strictObject({ token: z.string().min(20).max(200) }))
    .query(({ ctx, input }) => describeInvitation(ctx, input.token)),

  acceptInvitation: publicProcedure
    .input(z.strictObject({ token: z.string().min(20).max(200), password: passwordSchema }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx, input)),

  /** "Forgot password?": the same answer whether or not the email has an account; throttled. */
  requestPasswordReset: publicProcedure
    .input(z.strictObject({ email }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),

  /** Whether a reset link can still be used, and for which email. */
  passwordReset: publicProcedure
    .input(z.strictObject({ token: resetToken }))
    .query(({ ctx, input }) => describePasswordReset(ctx, input.token)),

  /** Sets the new password from a reset link and ends every session of the account. */
  resetPassword: publicProcedure
    .input(z.strictObject({ token: resetToken, password: passwordSchema }))
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
