import { formatBytes } from "@hearth/policies";
import type { TrayFile, Uploads } from "./use-uploads";

function statusOf(file: TrayFile): string {
  if (file.state === "uploading") return `Uploading, ${Math.round(file.progress * 100)}%`;
  if (file.state === "stored") return "Ready";
  return file.reason ?? "Not uploaded.";
}

/** The files picked for the next message: a progress bar each, cancel or remove, retry, reasons. */
export function AttachmentTray({ uploads }: { uploads: Uploads }) {
  if (uploads.files.length === 0) return null;
  return (
    <ul aria-label="Files to send" className="mb-2 space-y-1">
      {uploads.files.map((file) => {
        const problem = file.state === "failed" || file.state === "refused";
        return (
          <li
            key={file.localId}
            className={`flex items-center gap-2 rounded-lg px-2 py-1 text-xs ring-1 ${problem ? "bg-red-50 ring-red-300" : "bg-slate-50 ring-slate-200"}`}
          >
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium text-slate-800">
                {file.name}{" "}
                <span className="font-normal text-slate-500">{formatBytes(file.sizeBytes)}</span>
              </p>
              {file.state === "uploading" || file.state === "stored" ? (
                <progress
                  className="h-1.5 w-full accent-brand-600"
                  max={1}
                  value={file.progress}
                  aria-label={`${file.name}: ${statusOf(file)}`}
                />
              ) : null}
              <p
                className={problem ? "text-red-800" : "text-slate-600"}
                role={problem ? "alert" : undefined}
              >
                {statusOf(file)}
              </p>
            </div>
            {file.state === "failed" ? (
              <button
                type="button"
                onClick={() => uploads.retry(file.localId)}
                className="font-semibold text-red-800 underline"
              >
                Retry
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => uploads.remove(file.localId)}
              className="rounded px-1 text-slate-700 underline hover:bg-white"
            >
              {file.state === "uploading" ? "Cancel" : "Remove"}
              <span className="sr-only"> {file.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
