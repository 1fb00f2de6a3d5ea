import QRCode from "qrcode";

/**
 * `text` as a QR code SVG in a data: URL (the CSP allows data: images), drawn on the server so the
 * page needs no script; null if it cannot be drawn, and the page falls back to the text.
 */
export async function qrCodeDataUrl(text: string): Promise<string | null> {
  try {
    const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  } catch {
    return null;
  }
}
