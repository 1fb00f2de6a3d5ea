import { TRPCClientError } from "@trpc/client";

/** Why a message wasn't sent: the policy refused it (show why), or it may go through on a retry. */
export type SendFailure =
  | { kind: "refused"; reason: string }
  | { kind: "retryable"; reason: string };

const RETRY_REASON = "Not sent: the connection or the server failed.";

/**
 * Sorts a failed send. Only a network failure or a server error (5xx) is worth retrying; any
 * other answer (a policy refusal, a rule of the input) says why, and a retry would meet the same.
 */
export function sendFailureOf(error: unknown): SendFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "retryable", reason: RETRY_REASON };
  const data: unknown = error.data;
  const status =
    typeof data === "object" && data !== null && "httpStatus" in data
      ? Number(data.httpStatus)
      : undefined;
  if (status === undefined || status >= 500) return { kind: "retryable", reason: RETRY_REASON };
  return { kind: "refused", reason: error.message };
}

/** Whether a failure came from the policy, so what the user may do has changed: refetch it. */
export function isPolicyRefusal(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return (
    typeof data === "object" &&
    data !== null &&
    "policy" in data &&
    typeof data.policy === "object" &&
    data.policy !== null
  );
}
