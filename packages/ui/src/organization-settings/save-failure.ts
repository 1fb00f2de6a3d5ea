import { TRPCClientError } from "@trpc/client";
import { sendFailureOf } from "../messenger/send-failure";

/** Why a settings save failed: a sentence, the fields at fault, and whether the page is stale. */
export interface SaveFailure {
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  readonly stale: boolean;
}

export function saveFailureOf(error: unknown): SaveFailure {
  const data: unknown = error instanceof TRPCClientError ? error.data : null;
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const fields = record.fieldErrors;
  return {
    message: sendFailureOf(error).reason,
    fieldErrors:
      typeof fields === "object" && fields !== null
        ? (fields as Record<string, readonly string[]>)
        : {},
    stale: record.code === "CONFLICT",
  };
}
