import { formatBytes } from "@hearth/policies";
import { useCallback, useState } from "react";
import { fileUrl, isPreviewable } from "./file-url";
import { FileIcon } from "./icons";
import { Lightbox } from "./lightbox";
import { PdfPreview } from "./pdf-preview";

export interface MessageFile {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

/**
 * A message's files: photos as thumbnails that open in a lightbox, PDFs as their first page,
 * others with icon and size.
 */
export function MessageAttachments({ files }: { files: readonly MessageFile[] }) {
  const [open, setOpen] = useState<MessageFile | null>(null);
  const close = useCallback(() => setOpen(null), []);
  if (files.length === 0) return null;
  const photos = files.filter((f) => isPreviewable(f.mimeType));
  const others = files.filter((f) => !isPreviewable(f.mimeType));
  return (
    <div className="mt-1 flex flex-col gap-1">
      {photos.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Photos">
          {photos.map((photo) => (
            <li key={photo.id}>
              <button
                type="button"
                onClick={() => setOpen(photo)}
                className="block overflow-hidden rounded-lg ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                <img
                  src={fileUrl(photo.id)}
                  alt={`Open ${photo.fileName}`}
                  loading="lazy"
                  className="h-24 w-24 object-cover sm:h-32 sm:w-32"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {others.map((file) =>
        file.mimeType === "application/pdf" ? (
          <PdfPreview key={file.id} file={file} />
        ) : (
          <a
            key={file.id}
            href={fileUrl(file.id, true)}
            className="flex items-center gap-2 rounded-lg bg-white px-2 py-1 text-xs text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50"
          >
            <FileIcon />
            <span className="truncate font-medium">{file.fileName}</span>
            <span className="text-slate-500">{formatBytes(file.sizeBytes)}</span>
          </a>
        ),
      )}
      {open ? <Lightbox file={open} onClose={close} /> : null}
    </div>
  );
}
