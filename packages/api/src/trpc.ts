import { databaseUnavailableReason } from "@hearth/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";
import { splitFieldMessage } from "./field-message";
import { malformedTextIssues } from "./validation";

/** The schema's sentences for a person; which field each is about travels in `fieldErrors`. */
function describeZodError(error: ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join(" ");
}

/** A refusal's `fieldErrors` on the wire: from the schema, from the cause, or the message's field. */
function fieldErrorsOf(
  error: TRPCError,
  zodError: ZodError | null,
  named: { field: string | null; sentence: string },
): Record<string, string[] | undefined> | null {
  if (error.code === "INTERNAL_SERVER_ERROR") return null;
  if (zodError) return zodError.flatten().fieldErrors;
  if (error.cause instanceof FieldProblems) return error.cause.fieldErrors;
  return named.field ? { [named.field]: [named.sentence] } : null;
}

/** What a user reads when something unexpected failed: never the cause, only where to find it. */
export function unexpectedErrorMessage(requestId: string | undefined): string {
  return requestId
    ? `Something went wrong on our side (reference ${requestId}). Try again in a moment.`
    : "Something went wrong on our side. Try again in a moment.";
}

const UNEXPECTED_PREFIX = "Something went wrong on our side";

/** What a user reads when the database cannot take the request in time. */
export const BUSY_MESSAGE = "The service is busy. Try again in a moment.";

/**
 * A 503 when `error` is the database out of reach for now (no free connection in time, a
 * statement or an idle transaction over its timeout, a lost connection); null otherwise.
 */
export function asServiceUnavailable(error: unknown): TRPCError | null {
  if (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE") return error;
  if (!databaseUnavailableReason(error)) return null;
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause: error });
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const named = splitFieldMessage(shape.message);
    // The procedures' middleware maps these already; this catches what it cannot see (context
    // creation over HTTP, a subscription failing while it streams).
    const busy =
      error.code === "INTERNAL_SERVER_ERROR" && databaseUnavailableReason(error) !== null;
    return {
      ...shape,
      message: busy
        ? BUSY_MESSAGE
        : error.code === "INTERNAL_SERVER_ERROR"
          ? error.message.startsWith(UNEXPECTED_PREFIX)
            ? error.message
            : unexpectedErrorMessage(ctx?.requestId)
          : zodError
            ? describeZodError(zodError)
            : named.sentence,
      data: {
        ...shape.data,
        ...(busy ? { code: "SERVICE_UNAVAILABLE" as const, httpStatus: 503 } : {}),
        requestId: ctx?.requestId ?? null,
        // Never show a stack outside development.
        stack: undefined,
        fieldErrors: fieldErrorsOf(error, zodError, named),
        policy: error.cause instanceof PolicyRefusal ? { code: error.cause.code } : null,
      },
    };
  },
});

/** A refusal by the organization's policy; its reason is what the user reads. */
export class PolicyRefusal extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "PolicyRefusal";
  }
}

/**
 * Input that passed its schema but breaks a rule of a named field (e.g. a knob override). Its
 * message is what a person reads, so it names no field; `fieldErrors` says which field.
 */
export class FieldProblems extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat().join(" "));
    this.name = "FieldProblems";
  }
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const reason = databaseUnavailableReason(result.error);
    if (reason) {
      ctx.log.warn({ path, type, ms, reason }, "procedure refused: database unavailable");
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: BUSY_MESSAGE,
        cause: result.error,
      });
    }
  }
  if (result.ok) ctx.log.debug({ path, type, ms }, "procedure ok");
  else if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ path, type, ms, err: result.error.cause ?? result.error }, "procedure failed");
    // Server-side callers (Remix loaders) see this error as thrown: its message must be safe too.
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: unexpectedErrorMessage(ctx.requestId),
      cause: result.error,
    });
  } else ctx.log.info({ path, type, ms, code: result.error.code }, "procedure refused");
  return result;
});

/**
 * A mutation's live events are in the log once it returns (its transactions have committed), so
 * the hub is told to read and other processes are woken. Coalesced; costs nothing without events.
 */
const wakeLiveAfterMutation = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === "mutation") ctx.live.wake();
  return result;
});

/** NUL bytes and lone surrogates anywhere in the input: a field error before any schema runs. */
const rejectMalformedText = t.middleware(async ({ getRawInput, next }) => {
  const issues = malformedTextIssues(await getRawInput());
  if (issues.length > 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Some fields contain characters that cannot be stored.",
      cause: new ZodError(issues),
    });
  return next();
});

export const publicProcedure = t.procedure
  .use(logged)
  .use(rejectMalformedText)
  .use(wakeLiveAfterMutation);

/** Any signed-in user. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/** A signed-in member of an organization; every query below is scoped by `organizationId`. */
export const memberProcedure = authedProcedure.use(({ ctx, next }) => {
  const organizationId = ctx.user.organizationId;
  if (!organizationId)
    throw new TRPCError({ code: "FORBIDDEN", message: "This needs an organization account." });
  return next({ ctx: { ...ctx, organizationId } });
});

/** A manager (account owner or sub-user) of the caller's organization. */
export const managerProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.user.kind !== "manager")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only managers can do this." });
  return next();
});

/** A platform operator. */
export const operatorProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.kind !== "operator")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only operators can do this." });
  return next();
});
