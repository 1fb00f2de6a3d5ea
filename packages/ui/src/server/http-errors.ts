import { FieldProblems, unexpectedErrorMessage } from "@hearth/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";

export interface ProblemBody {
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
}

/** A refusal from the API as a form can show it: the message and the errors per field. */
export function problemOf(error: unknown): { status: number; body: ProblemBody } | null {
  if (!(error instanceof TRPCError)) return null;
  const status = getHTTPStatusCodeFromError(error);
  if (error.cause instanceof ZodError) {
    const { fieldErrors, formErrors } = error.cause.flatten();
    // The sentence itself, not "Check the highlighted fields": not every page shows that field.
    const firstProblem =
      formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "Check your input.";
    return { status, body: { message: firstProblem, fieldErrors } };
  }
  if (error.cause instanceof FieldProblems) {
    return { status, body: { message: error.message, fieldErrors: error.cause.fieldErrors } };
  }
  const fieldMatch = error.message.match(/^(\w+): (.*)$/);
  if (fieldMatch?.[1] && fieldMatch[2]) {
    return {
      status,
      body: { message: fieldMatch[2], fieldErrors: { [fieldMatch[1]]: [fieldMatch[2]] } },
    };
  }
  // A busy database is a "try again", shown like any refusal; other server errors stay errors.
  if (status >= 500 && error.code !== "SERVICE_UNAVAILABLE") return null;
  return { status, body: { message: error.message, fieldErrors: {} } };
}

/**
 * Turns an API refusal into the HTTP response a loader throws (403, 404 …). Anything else is a
 * 500 whose body is the API's generic message (it carries the request id the log has), never
 * the cause's own text.
 */
export function rethrowAsResponse(error: unknown): never {
  const problem = problemOf(error);
  if (problem) throw Response.json(problem.body, { status: problem.status });
  if (error instanceof Response) throw error;
  const message =
    error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR"
      ? error.message
      : unexpectedErrorMessage(undefined);
  throw Response.json({ message, fieldErrors: {} } satisfies ProblemBody, { status: 500 });
}
