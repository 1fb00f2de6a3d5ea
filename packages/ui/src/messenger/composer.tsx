import type { AttachmentLimits, Decision } from "@hearth/policies";
import { Form } from "@remix-run/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { AttachButtons } from "../attachments/attach-buttons";
import { AttachmentTray } from "../attachments/attachment-tray";
import { useUploads } from "../attachments/use-uploads";
import { SchedulePicker } from "../scheduled/schedule-picker";
import { fromLocalInput, localInputValue } from "../scheduled/schedule-time";
import { TemplatePicker } from "../templates/template-picker";
import { messageTypeLabels } from "./format";
import { useMentionPicker } from "./mention-picker";
import { useDraft } from "./use-draft";

export interface ComposerValue {
  body: string;
  type: keyof typeof messageTypeLabels;
  priority: "normal" | "high";
}

/**
 * What became of a message handed to `onSend`: "sent" (its draft is done), "kept" (not sent, and
 * shown elsewhere with a way to retry, so its draft stays stored but not in the box), or "restore"
 * (not sent: the text goes back in the box).
 */
export type SendOutcome = "sent" | "kept" | "restore";

/** How a message goes besides the app: an email copy to the others (seed 001, 003). */
export interface SendOptions {
  copyToEmail: boolean;
}

/** Scheduling, where the policy allows it: the organization's time zone and the call. */
export interface ComposerSchedule {
  organizationTimeZone: string;
  onSchedule: (value: ComposerValue, sendAt: Date) => Promise<SendOutcome>;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line. It is a real form (intent "send"),
 * so it also works before JavaScript loads; with JavaScript `onSend` takes over. `messageTypes`
 * and `canMarkPriority` are what the API's composer options offer; a single type needs no picker.
 * What is typed is kept under `draftKey` until it is sent, across reloads.
 */
export function Composer({
  onSend,
  canMarkPriority,
  messageTypes,
  clientId,
  draftKey,
  placeholder = "Write a message",
  schedule,
  attachments,
  templatesFor,
  canCopyToEmail,
  mentionsFor,
}: {
  /** `attachmentIds`: the stored uploads going with the message. */
  onSend: (
    value: ComposerValue,
    attachmentIds: string[],
    options: SendOptions,
  ) => Promise<SendOutcome>;
  /** Where the policy offers "Email a copy" to the others. */
  canCopyToEmail?: Decision | undefined;
  draftKey: string;
  canMarkPriority: Decision | undefined;
  messageTypes: readonly ComposerValue["type"][];
  clientId: string;
  placeholder?: string;
  schedule?: ComposerSchedule | undefined;
  /** The conversation whose people templates are filled in for, where the policy allows them. */
  templatesFor?: string | undefined;
  /** Where the policy allows files: the limits each is checked against before it uploads. */
  attachments?: AttachmentLimits | undefined;
  /** The conversation whose people "@" offers to mention. */
  mentionsFor?: string | undefined;
}) {
  const canChooseType = messageTypes.length > 1;
  const draft = useDraft(draftKey);
  const body = draft.text;
  const [type, setType] = useState<ComposerValue["type"]>("general");
  const [priority, setPriority] = useState<ComposerValue["priority"]>("normal");
  const [copyToEmail, setCopyToEmail] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionPicker({
    conversationId: mentionsFor,
    text: body,
    onText: draft.change,
    textarea: textareaRef,
  });
  const [sendAt, setSendAt] = useState<string | null>(null);
  const [pickingTemplate, setPickingTemplate] = useState(false);
  const scheduledFor = sendAt === null ? null : fromLocalInput(sendAt);
  const uploads = useUploads(attachments ?? { maxBytes: 0, types: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const addFiles = (files: File[]) => {
    if (!attachments || files.length === 0) return;
    setNotice(null);
    uploads.add(files);
  };

  const submit = () => {
    const text = body.trim();
    const withFiles = uploads.files.length > 0;
    if (!text) {
      if (withFiles) setNotice("Write a message to go with your files.");
      return;
    }
    if (uploads.blocker) return setNotice(uploads.blocker);
    if (withFiles && sendAt !== null)
      return setNotice("Files can't be scheduled: send now, or remove them.");
    if (sendAt !== null && (!schedule || !scheduledFor)) return;
    draft.takeText();
    setPriority("normal");
    setCopyToEmail(false);
    setNotice(null);
    const value = { body: text, type, priority };
    const attachmentIds = uploads.storedIds;
    const taken = uploads.take();
    const sending =
      schedule && scheduledFor
        ? schedule.onSchedule(value, scheduledFor)
        : onSend(value, attachmentIds, { copyToEmail: copyToEmail && !!canCopyToEmail?.allowed });
    if (scheduledFor) setSendAt(null);
    void sending.then((outcome) => {
      if (outcome === "sent") draft.discard();
      if (outcome === "restore") {
        draft.restore(text);
        uploads.putBack(taken);
      }
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Form
      method="post"
      ref={formRef}
      className="border-t border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event) => {
        if (attachments && event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!attachments || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        addFiles([...event.dataTransfer.files]);
      }}
    >
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="clientId" value={clientId} />
      {templatesFor && pickingTemplate ? (
        <TemplatePicker
          conversationId={templatesFor}
          onClose={() => setPickingTemplate(false)}
          onInsert={(text, templateType) => {
            draft.change(body.trim() ? `${body}\n${text}` : text);
            if (messageTypes.includes(templateType)) setType(templateType);
            setPickingTemplate(false);
          }}
        />
      ) : null}
      {schedule && sendAt !== null ? (
        <SchedulePicker
          value={sendAt}
          onChange={setSendAt}
          organizationTimeZone={schedule.organizationTimeZone}
          onClose={() => setSendAt(null)}
        />
      ) : null}
      {canChooseType || canMarkPriority?.allowed || canCopyToEmail?.allowed ? (
        <div className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
          {canChooseType ? (
            <label className="flex items-center gap-1">
              Type
              <select
                name="type"
                value={type}
                onChange={(e) => setType(e.target.value as ComposerValue["type"])}
                className="rounded border border-slate-300 px-1 py-0.5"
              >
                {messageTypes.map((value) => (
                  <option key={value} value={value}>
                    {messageTypeLabels[value]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {canMarkPriority?.allowed ? (
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                name="priority"
                value="high"
                checked={priority === "high"}
                onChange={(e) => setPriority(e.target.checked ? "high" : "normal")}
              />
              High priority
            </label>
          ) : null}
          {canCopyToEmail?.allowed && sendAt === null ? (
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                name="copyToEmail"
                value="true"
                checked={copyToEmail}
                onChange={(e) => setCopyToEmail(e.target.checked)}
              />
              Email a copy
            </label>
          ) : null}
        </div>
      ) : null}
      <AttachmentTray uploads={uploads} />
      {mentions.listbox}
      {notice ? (
        <p role="alert" className="mb-2 text-xs text-red-800">
          {notice}
        </p>
      ) : null}
      {/* On a phone the box takes the whole first row and the buttons sit under it. */}
      <div className="flex flex-wrap items-end gap-2 sm:flex-nowrap">
        {attachments ? (
          <AttachButtons
            accept={attachments.types.join(",")}
            allowsImages={attachments.types.some((t) => t.startsWith("image/"))}
            onFiles={addFiles}
          />
        ) : null}
        <label htmlFor="composer-body" className="sr-only">
          Message
        </label>
        <textarea
          {...mentions.inputProps}
          ref={textareaRef}
          id="composer-body"
          name="body"
          rows={2}
          value={body}
          onChange={(e) => {
            // "/" in an empty box opens the templates, as in other messengers.
            if (templatesFor && !body && e.target.value === "/") return setPickingTemplate(true);
            draft.change(e.target.value);
            mentions.track(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => mentions.track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            if (!attachments || event.clipboardData.files.length === 0) return;
            event.preventDefault();
            addFiles([...event.clipboardData.files]);
          }}
          placeholder={placeholder}
          maxLength={20_000}
          className="order-first max-h-40 min-h-[2.75rem] w-full flex-none resize-y sm:order-none sm:w-auto sm:flex-1 rounded-xl border border-slate-300 px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
        />
        {templatesFor ? (
          <button
            type="button"
            aria-expanded={pickingTemplate}
            onClick={() => setPickingTemplate((open) => !open)}
            className="rounded-xl border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            Templates
          </button>
        ) : null}
        {schedule && sendAt === null ? (
          <button
            type="button"
            onClick={() => setSendAt(localInputValue(new Date(Date.now() + 3_600_000)))}
            className="rounded-xl border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            Schedule…
          </button>
        ) : null}
        <button
          type="submit"
          disabled={sendAt !== null && !scheduledFor}
          className="ml-auto rounded-xl bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 disabled:opacity-50"
        >
          {sendAt !== null ? "Schedule send" : "Send"}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600">Enter to send, Shift+Enter for a new line</p>
    </Form>
  );
}
