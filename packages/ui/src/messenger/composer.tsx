import type { Decision } from "@hearth/policies";
import { Form } from "@remix-run/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { messageTypeLabels } from "./format";
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
}: {
  onSend: (value: ComposerValue) => Promise<SendOutcome>;
  draftKey: string;
  canMarkPriority: Decision | undefined;
  messageTypes: readonly ComposerValue["type"][];
  clientId: string;
  placeholder?: string;
}) {
  const canChooseType = messageTypes.length > 1;
  const draft = useDraft(draftKey);
  const body = draft.text;
  const [type, setType] = useState<ComposerValue["type"]>("general");
  const [priority, setPriority] = useState<ComposerValue["priority"]>("normal");
  const formRef = useRef<HTMLFormElement>(null);

  const submit = () => {
    const text = body.trim();
    if (!text) return;
    draft.takeText();
    setPriority("normal");
    void onSend({ body: text, type, priority }).then((outcome) => {
      if (outcome === "sent") draft.discard();
      if (outcome === "restore") draft.restore(text);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
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
    >
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="clientId" value={clientId} />
      {canChooseType || canMarkPriority?.allowed ? (
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
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <label htmlFor="composer-body" className="sr-only">
          Message
        </label>
        <textarea
          id="composer-body"
          name="body"
          rows={2}
          value={body}
          onChange={(e) => draft.change(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
          maxLength={20_000}
          className="max-h-40 min-h-[2.75rem] flex-1 resize-y rounded-xl border border-slate-300 px-3 py-2 text-sm outline-none focus:ring-2 focus:ring-brand-500"
        />
        <button
          type="submit"
          className="rounded-xl bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          Send
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600">Enter to send, Shift+Enter for a new line</p>
    </Form>
  );
}
