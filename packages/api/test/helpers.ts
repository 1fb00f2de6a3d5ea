import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { PolicyRefusal } from "../src/trpc";

/** The error a call ends with, or "ok". */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError)
      return error.cause instanceof PolicyRefusal ? `FORBIDDEN:${error.cause.code}` : error.code;
    throw error;
  }
}

/** The policy refusal a call ends with. */
export async function refusalOf(
  run: () => Promise<unknown>,
): Promise<{ code: string; reason: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof PolicyRefusal)
      return { code: error.cause.code, reason: error.cause.reason };
    throw error;
  }
  throw new Error("expected a policy refusal, but the call succeeded");
}

export function draft(
  body: string,
  extra: {
    type?: "general" | "maintenance" | "payment_reminder" | "lease" | "event" | "document_request";
    priority?: "normal" | "high";
  } = {},
) {
  return {
    clientId: randomUUID(),
    body,
    type: extra.type ?? "general",
    priority: extra.priority ?? "normal",
  } as const;
}
