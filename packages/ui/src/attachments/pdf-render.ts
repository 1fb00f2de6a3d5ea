/**
 * Draws a PDF's first page onto a canvas with pdf.js. Loaded only in the browser, and only when a
 * PDF comes into view: its worker is a file of this origin (the CSP's `worker-src 'self'`), and
 * nothing is evaluated from the document (`isEvalSupported: false`).
 */
import { GlobalWorkerOptions, getDocument } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders page 1 of `bytes` `width` CSS pixels wide (sharp on high-density screens). */
export async function renderFirstPage(
  bytes: ArrayBuffer,
  canvas: HTMLCanvasElement,
  width: number,
): Promise<void> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false });
  const pdf = await task.promise;
  try {
    const page = await pdf.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const density = globalThis.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / natural.width) * density });
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    canvas.style.width = `${width}px`;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas");
    await page.render({ canvasContext: context, viewport }).promise;
  } finally {
    await task.destroy();
  }
}
