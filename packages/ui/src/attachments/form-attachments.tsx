import type { AttachmentLimits } from "@hearth/policies";
import type { DragEvent, ReactNode } from "react";
import { AttachButtons } from "./attach-buttons";
import { AttachmentTray } from "./attachment-tray";
import type { Uploads } from "./use-uploads";

/** The files dropped on `event`, when it carries files and attaching is on. */
function droppedFiles(event: DragEvent): File[] {
  return [...event.dataTransfer.files];
}

/**
 * Attachments for a plain form (a maintenance request, a board post or comment): the attach
 * buttons, the tray with a progress bar and the reason for each refused file, and one hidden
 * `attachmentIds` input per stored upload, so the form's own submit carries them. The form's
 * submit button should wait for `uploads.blocker` to be null.
 */
export function FormAttachments({
  uploads,
  limits,
  hint,
  legend = "Photos and files",
  children,
}: {
  uploads: Uploads;
  legend?: string;
  limits: AttachmentLimits;
  /** What may be attached, e.g. the policy's "Files up to 25 MB can be attached." */
  hint?: string | undefined;
  /** Shown under the legend, e.g. the error for the files. */
  children?: ReactNode;
}) {
  return (
    <fieldset
      className="space-y-2"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        const files = droppedFiles(event);
        if (files.length === 0) return;
        event.preventDefault();
        uploads.add(files);
      }}
      onPaste={(event) => {
        const files = [...event.clipboardData.files];
        if (files.length === 0) return;
        event.preventDefault();
        uploads.add(files);
      }}
    >
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {children}
      <AttachmentTray uploads={uploads} />
      {uploads.storedIds.map((id) => (
        <input key={id} type="hidden" name="attachmentIds" value={id} />
      ))}
      <div className="flex items-center gap-2">
        <AttachButtons
          accept={limits.types.join(",")}
          allowsImages={limits.types.some((type) => type.startsWith("image/"))}
          onFiles={uploads.add}
        />
        {hint ? <span className="text-xs text-slate-600">{hint}</span> : null}
      </div>
      {uploads.blocker ? (
        <p className="text-xs text-slate-700" role="status">
          {uploads.blocker}
        </p>
      ) : null}
    </fieldset>
  );
}
