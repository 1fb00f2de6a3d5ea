/** The authorized route a file is read through; `download` asks for it as a download. */
export function fileUrl(id: string, download = false): string {
  return `/api/files/${id}${download ? "?download" : ""}`;
}

/** Photos the server re-encoded and shows inline. */
export function isPreviewable(mimeType: string): boolean {
  return ["image/jpeg", "image/png", "image/webp", "image/gif"].includes(mimeType);
}
