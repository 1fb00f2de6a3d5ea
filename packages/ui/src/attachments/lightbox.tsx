import { useEffect, useRef } from "react";
import { fileUrl } from "./file-url";

/** One photo over the page, closed by its button, Escape or a click beside it. */
export function Lightbox({
  file,
  onClose,
}: {
  file: { id: string; fileName: string };
  onClose: () => void;
}) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      opener?.focus();
    };
  }, [onClose]);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={file.fileName}
      className="fixed inset-0 z-50 flex flex-col items-center justify-center bg-black/80 p-4"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <div className="flex w-full max-w-5xl items-center justify-between gap-4 py-2 text-sm text-white">
        <span className="truncate">{file.fileName}</span>
        <span className="flex gap-4">
          <a href={fileUrl(file.id, true)} className="underline">
            Download
          </a>
          <button ref={closeButton} type="button" onClick={onClose} className="font-semibold">
            Close
          </button>
        </span>
      </div>
      <img
        src={fileUrl(file.id)}
        alt={file.fileName}
        className="max-h-[85vh] max-w-full rounded object-contain"
      />
    </div>
  );
}
