import type { Policy, Refused } from "@hearth/policies";
import type { PolicyScope } from "../policy/gateway";
import { INLINE_IMAGE_TYPES, reencodeImage } from "./reencode";
import { isActiveContent, sniffMimeType } from "./sniff";
import type { Bytes } from "./storage";

export interface PreparedFile {
  bytes: Bytes;
  mimeType: string;
  fileName: string;
}

export type UploadRefusal = Pick<Refused, "code" | "reason">;

export type PreparedUpload =
  | { ok: true; file: PreparedFile }
  | { ok: false; refusal: UploadRefusal };

/** A name safe to store and to put in a header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (clean || "file").slice(0, 200);
}

/** The policy's answer for a file of this size and type, as a refusal or null. */
export function policyRefusal(
  policy: Policy,
  actor: PolicyScope["actor"],
  file: { sizeBytes: number; mimeType: string },
): UploadRefusal | null {
  const decision = policy.attachFile({ actor, attachment: file });
  return decision.allowed ? null : { code: decision.code, reason: decision.reason };
}

/**
 * Judges an upload by its content, as the policy asks (size, and the type the bytes really are),
 * and returns what to store: photos re-encoded without their metadata, other files as sent.
 */
export async function prepareUpload(
  scope: PolicyScope,
  upload: { bytes: Bytes; fileName: string },
): Promise<PreparedUpload> {
  const fileName = cleanFileName(upload.fileName);
  const mimeType = await sniffMimeType(upload.bytes, fileName);
  if (isActiveContent(mimeType))
    return {
      ok: false,
      refusal: {
        code: "attachment_type_not_allowed",
        reason: "Web pages and SVG images can't be attached.",
      },
    };
  const refusal = policyRefusal(scope.policy, scope.actor, {
    sizeBytes: upload.bytes.length,
    mimeType,
  });
  if (refusal) return { ok: false, refusal };
  if (!INLINE_IMAGE_TYPES.has(mimeType))
    return { ok: true, file: { bytes: upload.bytes, mimeType, fileName } };
  try {
    return {
      ok: true,
      file: { bytes: await reencodeImage(upload.bytes, mimeType), mimeType, fileName },
    };
  } catch {
    return {
      ok: false,
      refusal: { code: "attachment_type_not_allowed", reason: "This image could not be read." },
    };
  }
}
