import type { RouterOutputs } from "@hearth/api";
import { useState } from "react";
import { messageTypeLabels } from "../messenger/format";
import { trpc } from "../trpc";

type Template = RouterOutputs["templates"]["list"]["templates"][number];
type MessageType = keyof typeof messageTypeLabels;

/** Templates grouped by message type, in the order of the types. */
function byType(templates: readonly Template[]) {
  return (Object.keys(messageTypeLabels) as MessageType[])
    .map((type) => ({ type, items: templates.filter((t) => t.type === type) }))
    .filter((group) => group.items.length > 0);
}

/**
 * The composer's template list: pick one, see it filled in for this conversation's people, and
 * insert it into the message box.
 */
export function TemplatePicker({
  conversationId,
  onInsert,
  onClose,
}: {
  conversationId: string;
  onInsert: (body: string, type: MessageType) => void;
  onClose: () => void;
}) {
  const list = trpc.templates.list.useQuery();
  const [chosen, setChosen] = useState<string | null>(null);
  const preview = trpc.templates.preview.useQuery(
    { conversationId, templateId: chosen ?? "" },
    { enabled: chosen !== null },
  );
  const groups = byType(list.data?.templates ?? []);
  return (
    <div
      role="dialog"
      aria-label="Templates"
      className="mb-2 max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-sm"
    >
      <div className="mb-1 flex items-center justify-between">
        <p className="font-semibold text-slate-800">Templates</p>
        <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-xs">
          Close
        </button>
      </div>
      {list.isLoading ? <p className="text-slate-600">Loading…</p> : null}
      {list.data && groups.length === 0 ? (
        <p className="text-slate-600">No templates yet. Managers add them on the Templates page.</p>
      ) : null}
      {chosen !== null && preview.data ? (
        <div className="space-y-2">
          <p className="text-xs text-slate-600">Preview for this conversation</p>
          <p className="whitespace-pre-wrap rounded bg-slate-50 p-2" data-testid="template-preview">
            {preview.data.body}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-brand-600 px-3 py-1 text-xs font-semibold text-white"
              onClick={() => onInsert(preview.data.body, preview.data.type)}
            >
              Insert
            </button>
            <button
              type="button"
              className="rounded px-3 py-1 text-xs"
              onClick={() => setChosen(null)}
            >
              Back
            </button>
          </div>
        </div>
      ) : (
        groups.map((group) => (
          <div key={group.type} className="mt-1">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {messageTypeLabels[group.type]}
            </p>
            <ul>
              {group.items.map((template) => (
                <li key={template.id}>
                  <button
                    type="button"
                    className="w-full rounded px-2 py-1 text-left hover:bg-brand-50"
                    onClick={() => setChosen(template.id)}
                  >
                    {template.name}
                    {template.shared ? null : (
                      <span className="ml-2 text-xs text-slate-500">personal</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </div>
  );
}
