import { formatBytes } from "@hearth/policies";
import { useEffect, useRef, useState } from "react";
import { fileUrl } from "./file-url";
import { FileIcon } from "./icons";
import type { MessageFile } from "./message-attachments";

const PREVIEW_WIDTH = 128;

/**
 * A PDF as its first page, drawn in the browser once it scrolls into view (pdf.js is loaded only
 * then); the file icon while it loads and whenever the page can't be drawn. Opens the download.
 */
export function PdfPreview({ file }: { file: MessageFile }) {
  const link = useRef<HTMLAnchorElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"waiting" | "drawn" | "failed">("waiting");

  useEffect(() => {
    const target = link.current;
    if (!target || typeof IntersectionObserver === "undefined") return;
    let cancelled = false;
    const draw = async () => {
      const [{ renderFirstPage }, response] = await Promise.all([
        import("./pdf-render"),
        fetch(fileUrl(file.id, true)),
      ]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      if (cancelled || !canvas.current) return;
      await renderFirstPage(bytes, canvas.current, PREVIEW_WIDTH);
      if (!cancelled) setState("drawn");
    };
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      draw().catch(() => {
        if (!cancelled) setState("failed");
      });
    });
    observer.observe(target);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [file.id]);

  return (
    <a
      ref={link}
      href={fileUrl(file.id, true)}
      className="flex w-fit flex-col gap-1 rounded-lg bg-white p-1 text-xs text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50"
    >
      <canvas
        ref={canvas}
        {...(state === "drawn"
          ? { role: "img", "aria-label": `First page of ${file.fileName}` }
          : {})}
        className={state === "drawn" ? "block rounded bg-white" : "hidden"}
      />
      <span className="flex max-w-[12rem] items-center gap-2 px-1">
        {state === "drawn" ? null : <FileIcon />}
        <span className="truncate font-medium">{file.fileName}</span>
        <span className="shrink-0 text-slate-600">{formatBytes(file.sizeBytes)}</span>
      </span>
      <span className="sr-only">PDF, download</span>
    </a>
  );
}
