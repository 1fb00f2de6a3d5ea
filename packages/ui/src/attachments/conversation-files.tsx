import { formatBytes } from "@hearth/policies";
import { useDateStyle } from "../dates/date-style";
import { dateTime } from "../messenger/format";
import { trpc } from "../trpc";
import { fileUrl, isPreviewable } from "./file-url";
import { FileIcon } from "./icons";

/** "View Files" (seed 004): every file shared in the conversation, newest first, who and when. */
export function ConversationFiles({
  conversationId,
  timeZone,
  onClose,
}: {
  conversationId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const files = trpc.conversations.files.useQuery({ id: conversationId });
  const dates = useDateStyle(timeZone);
  return (
    <aside
      aria-label="Files"
      data-side-panel
      className="absolute inset-0 z-10 flex flex-col overflow-y-auto bg-white p-4 md:inset-y-0 md:left-auto md:w-80 md:border-l md:border-slate-200 md:shadow-xl xl:static xl:shrink-0 xl:shadow-none"
    >
      <div className="mb-3 flex items-center justify-between">
        <h3 className="font-semibold text-slate-900">Files</h3>
        <button type="button" onClick={onClose} className="text-sm text-brand-700 underline">
          Close
        </button>
      </div>
      {files.isLoading ? <p className="text-sm text-slate-600">Loading…</p> : null}
      {files.data?.length === 0 ? (
        <p className="text-sm text-slate-600">No files have been shared here yet.</p>
      ) : null}
      <ul className="space-y-2">
        {files.data?.map((file) => (
          <li key={file.id} className="flex items-center gap-3">
            {isPreviewable(file.mimeType) ? (
              <img
                src={fileUrl(file.id)}
                alt=""
                loading="lazy"
                className="h-12 w-12 rounded object-cover ring-1 ring-slate-200"
              />
            ) : (
              <span
                className="flex h-12 w-12 items-center justify-center rounded bg-slate-100"
                aria-hidden="true"
              >
                <FileIcon />
              </span>
            )}
            <div className="min-w-0 flex-1 text-sm">
              <a
                href={fileUrl(file.id, true)}
                className="block truncate font-medium text-brand-700 underline"
              >
                {file.fileName}
              </a>
              <p className="text-xs text-slate-600">
                {file.sharedBy ?? "The organization"} ·{" "}
                {file.sharedAt ? dateTime(file.sharedAt, dates) : ""} ·{" "}
                {formatBytes(file.sizeBytes)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
