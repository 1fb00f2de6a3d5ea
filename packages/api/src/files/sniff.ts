import { fileTypeFromBuffer } from "file-type";

/** Types a browser could run as a page: never accepted, whatever the policy lists. */
const ACTIVE_TYPES = new Set([
  "text/html",
  "image/svg+xml",
  "application/xml",
  "text/xml",
  "application/xhtml+xml",
]);

/** The opening of the file as UTF-8, or null when it is not text. */
function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    // Streaming mode: a character cut at the slice's end is not an error.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 64 * 1024), {
      stream: true,
    });
  } catch {
    return null;
  }
}

/** Old Word and Excel files share one container format; only the name tells them apart. */
function compoundDocumentType(fileName: string): string {
  if (/\.docx?$/i.test(fileName)) return "application/msword";
  if (/\.xlsx?$/i.test(fileName)) return "application/vnd.ms-excel";
  return "application/x-cfb";
}

/**
 * What the bytes are, judged from the content and not from the name the browser sent: the
 * signature of a binary format, else plain text (text that opens like markup counts as HTML).
 */
export async function sniffMimeType(bytes: Uint8Array, fileName: string): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    return detected.mime === "application/x-cfb" ? compoundDocumentType(fileName) : detected.mime;
  }
  const text = asText(bytes);
  if (text === null) return "application/octet-stream";
  return /^\s*</.test(text.replace(/^\uFEFF/, "")) ? "text/html" : "text/plain";
}

/** HTML, SVG and XML are refused outright: served from our origin they could run script. */
export function isActiveContent(mimeType: string): boolean {
  return ACTIVE_TYPES.has(mimeType);
}
