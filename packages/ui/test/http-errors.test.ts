import { FieldProblems } from "@hearth/api";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { problemOf } from "../src/server/http-errors";

describe("API refusals as form problems", () => {
  it("turns input validation into errors per field with a 400, the first one as the message", () => {
    const parsed = z
      .object({ email: z.string().email("Enter a valid email address") })
      .safeParse({ email: "x" });
    const error = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    expect(problemOf(error)).toEqual({
      status: 400,
      body: {
        message: "Enter a valid email address",
        fieldErrors: { email: ["Enter a valid email address"] },
      },
    });
  });

  it("names the field of a 'field: message' refusal", () => {
    const error = new TRPCError({
      code: "CONFLICT",
      message: "email: This person is already connected.",
    });
    expect(problemOf(error)).toEqual({
      status: 409,
      body: {
        message: "This person is already connected.",
        fieldErrors: { email: ["This person is already connected."] },
      },
    });
  });

  it("keeps a policy refusal's reason as the message, with 403", () => {
    const error = new TRPCError({
      code: "FORBIDDEN",
      message: "Commenting this post is not available",
    });
    expect(problemOf(error)).toEqual({
      status: 403,
      body: { message: "Commenting this post is not available", fieldErrors: {} },
    });
  });

  it("carries knob errors of an override", () => {
    const error = new TRPCError({
      code: "BAD_REQUEST",
      message: "Some overrides are not allowed.",
      cause: new FieldProblems({ initiators: ["Not overridable."] }),
    });
    expect(problemOf(error)?.body.fieldErrors).toEqual({ initiators: ["Not overridable."] });
  });

  it("leaves server errors and non-API errors alone", () => {
    expect(problemOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "boom" }))).toBeNull();
    expect(problemOf(new Error("boom"))).toBeNull();
  });
});
