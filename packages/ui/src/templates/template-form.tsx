import { type FormEvent, useState } from "react";
import { Alert, Button, Field } from "../components/form";
import { messageTypeLabels } from "../messenger/format";
import { sendFailureOf } from "../messenger/send-failure";

type MessageType = keyof typeof messageTypeLabels;

export interface TemplateDraft {
  name: string;
  body: string;
  type: MessageType;
  shared: boolean;
}

/** Adding or changing a template: name, message type, text, and (when allowed) shared or personal. */
export function TemplateForm({
  initial,
  canShare,
  submitLabel,
  onSubmit,
  onDone,
}: {
  initial: TemplateDraft;
  canShare: boolean;
  submitLabel: string;
  onSubmit: (draft: TemplateDraft) => Promise<unknown>;
  onDone?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft).then(
      () => {
        setError(null);
        setDraft(initial);
        onDone?.();
      },
      (e: unknown) => setError(sendFailureOf(e).reason),
    );
  };
  return (
    <form onSubmit={save} className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="Name"
        name="name"
        value={draft.name}
        maxLength={100}
        required
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <label className="block text-sm font-medium text-slate-700">
        Message type
        <select
          value={draft.type}
          onChange={(e) => setDraft({ ...draft, type: e.target.value as MessageType })}
          className="mt-1 block rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
        >
          {(Object.keys(messageTypeLabels) as MessageType[]).map((type) => (
            <option key={type} value={type}>
              {messageTypeLabels[type]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Text
        <textarea
          value={draft.body}
          required
          rows={4}
          maxLength={20_000}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      {canShare ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={draft.shared}
            onChange={(e) => setDraft({ ...draft, shared: e.target.checked })}
          />
          Shared with the whole team
        </label>
      ) : null}
      <Button type="submit">{submitLabel}</Button>
    </form>
  );
}
