import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isPolicyRefusal, sendFailureOf } from "../src/messenger/send-failure";

function apiError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("a failed send", () => {
  it("shows a policy refusal's reason, with nothing to retry", () => {
    const error = apiError("Your lease has expired. This conversation is read-only.", {
      httpStatus: 403,
      policy: { code: "lease_not_active" },
    });
    expect(sendFailureOf(error)).toEqual({
      kind: "refused",
      reason: "Your lease has expired. This conversation is read-only.",
    });
    expect(isPolicyRefusal(error)).toBe(true);
  });

  it("offers a retry for server errors and lost connections only", () => {
    expect(sendFailureOf(apiError("busy", { httpStatus: 503, policy: null })).kind).toBe(
      "retryable",
    );
    expect(sendFailureOf(new TypeError("Failed to fetch")).kind).toBe("retryable");
    expect(sendFailureOf(apiError("Write a message", { httpStatus: 400, policy: null })).kind).toBe(
      "refused",
    );
    expect(isPolicyRefusal(apiError("Write a message", { httpStatus: 400, policy: null }))).toBe(
      false,
    );
  });
});
