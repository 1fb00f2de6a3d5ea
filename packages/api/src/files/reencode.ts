import sharp from "sharp";
import type { Bytes } from "./storage";

/** Images shown inline (thumbnails, the lightbox); everything else downloads. */
export const INLINE_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/**
 * A fresh copy of a photo without its metadata (EXIF carries where it was taken): turned upright
 * by its orientation first, since the tag that says how is dropped with the rest.
 */
export async function reencodeImage(bytes: Uint8Array, mimeType: string): Promise<Bytes> {
  const image = sharp(bytes, { animated: mimeType === "image/gif", failOn: "error" }).rotate();
  const encoded =
    mimeType === "image/png"
      ? image.png()
      : mimeType === "image/webp"
        ? image.webp()
        : mimeType === "image/gif"
          ? image.gif()
          : image.jpeg({ quality: 88, mozjpeg: true });
  return new Uint8Array(await encoded.toBuffer());
}
