import { describe, expect, it } from "vitest";
import { checkAttachment, composerOptions } from "../src/index";
import { accountOwner, policyOf, resident } from "./fixtures";

const MB = 1024 * 1024;

describe("attachment limits, as the composer receives them", () => {
  it("standard (seed 000): residents may attach documents and photos up to 25 MB", () => {
    const { attachFile } = composerOptions(policyOf("standard"), { actor: resident("r") });
    expect(attachFile.allowed).toBe(true);
    expect(attachFile.limits.maxBytes).toBe(25 * MB);
    expect(checkAttachment(attachFile.limits, { sizeBytes: MB, mimeType: "image/jpeg" })).toBe(
      undefined,
    );
  });

  it("the composer's check refuses with the same reason the server gives", () => {
    const policy = policyOf("standard");
    const { limits } = composerOptions(policy, { actor: accountOwner() }).attachFile;
    const huge = { sizeBytes: 26 * MB, mimeType: "image/jpeg" };
    const local = checkAttachment(limits, huge);
    const server = policy.attachFile({ actor: accountOwner(), attachment: huge });
    expect(local).toEqual(server);
    expect(local?.reason).toBe("Files can be up to 25 MB.");
    expect(checkAttachment(limits, { sizeBytes: 10, mimeType: "text/html" })?.code).toBe(
      "attachment_type_not_allowed",
    );
  });

  it("coworking (seed 003): no attach button, with the reason", () => {
    const { attachFile } = composerOptions(policyOf("coworking"), { actor: resident("m") });
    expect(attachFile).toMatchObject({ allowed: false, code: "attachments_disabled" });
  });
});
