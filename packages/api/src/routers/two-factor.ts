import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  beginTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  twoFactorStatus,
} from "../auth/two-factor";
import { authedProcedure, router } from "../trpc";
import { oneTimeCode } from "../validation";

/** Managers and operators: the accounts two-factor sign-in is offered to. */
const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.kind !== "manager" && ctx.user.kind !== "operator")
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Two-factor sign-in is for managers and operators.",
    });
  return next();
});

const codeInput = z.strictObject({ code: oneTimeCode() });

export const twoFactorRouter = router({
  status: staffProcedure.query(({ ctx }) => twoFactorStatus(ctx)),
  /** A new secret and its otpauth:// URL; not in force until `enable` gets a code from it. */
  begin: staffProcedure.mutation(({ ctx }) => beginTwoFactor(ctx)),
  enable: staffProcedure
    .input(codeInput)
    .mutation(({ ctx, input }) => enableTwoFactor(ctx, input.code)),
  disable: staffProcedure
    .input(codeInput)
    .mutation(({ ctx, input }) => disableTwoFactor(ctx, input.code)),
});
