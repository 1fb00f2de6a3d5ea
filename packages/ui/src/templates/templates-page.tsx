import type { RouterOutputs } from "@hearth/api";
import type { Decision } from "@hearth/policies";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Alert } from "../components/form";
import { PageHeader } from "../components/shell";
import { messageTypeLabels } from "../messenger/format";
import { trpc } from "../trpc";
import { TemplateForm } from "./template-form";

type TemplateList = RouterOutputs["templates"]["list"];
type Template = TemplateList["templates"][number];

export interface TemplatesLoaderData {
  useTemplates: Decision;
  list: TemplateList | null;
}

function TemplateRow({ template }: { template: Template }) {
  const utils = trpc.useUtils();
  const refresh = () => utils.templates.list.invalidate();
  const update = trpc.templates.update.useMutation({ onSuccess: refresh });
  const remove = trpc.templates.delete.useMutation({ onSuccess: refresh });
  const [editing, setEditing] = useState(false);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-slate-900">
          {template.name}
          <span className="ml-2 text-xs font-normal text-slate-500">
            {template.shared ? "Shared" : "Personal"}
          </span>
        </p>
        {template.editable ? (
          <div className="flex gap-2 text-xs">
            <button type="button" className="text-brand-700" onClick={() => setEditing(!editing)}>
              {editing ? "Close" : "Edit"}
            </button>
            <button
              type="button"
              className="text-red-700"
              onClick={() => remove.mutate({ id: template.id })}
            >
              Delete
            </button>
          </div>
        ) : null}
      </div>
      {editing ? (
        <div className="mt-2">
          <TemplateForm
            initial={{ ...template, shared: template.shared }}
            canShare={false}
            submitLabel="Save"
            onSubmit={({ name, body, type }) =>
              update.mutateAsync({ id: template.id, name, body, type })
            }
            onDone={() => setEditing(false)}
          />
        </div>
      ) : (
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{template.body}</p>
      )}
    </li>
  );
}

/** Message templates: the organization's shared ones and one's own, by message type. */
export function TemplatesPage() {
  const initial = useLoaderData<TemplatesLoaderData>();
  const utils = trpc.useUtils();
  const list = trpc.templates.list.useQuery(undefined, {
    enabled: initial.useTemplates.allowed,
    ...(initial.list ? { initialData: initial.list } : {}),
  });
  const create = trpc.templates.create.useMutation({
    onSuccess: () => utils.templates.list.invalidate(),
  });
  if (!initial.useTemplates.allowed)
    return (
      <div className="mx-auto w-full max-w-3xl p-4 md:p-6">
        <PageHeader title="Templates" />
        <Alert tone="info">{initial.useTemplates.reason}</Alert>
      </div>
    );
  const data = list.data;
  const canShare = data?.manageShared.allowed ?? false;
  const types = Object.keys(messageTypeLabels) as (keyof typeof messageTypeLabels)[];
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 p-4 md:p-6">
      <PageHeader
        title="Templates"
        description="Saved messages to insert from the message box (the Templates button, or / in an empty box). Variables are filled in for each conversation."
      />
      <section aria-labelledby="variables" className="text-sm text-slate-700">
        <h2 id="variables" className="font-semibold">
          Variables
        </h2>
        <p className="mt-1 flex flex-wrap gap-1.5">
          {(data?.variables ?? []).map((name) => (
            <code key={name} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {`{{${name}}}`}
            </code>
          ))}
        </p>
      </section>
      {types.map((type) => {
        const items = (data?.templates ?? []).filter((t) => t.type === type);
        if (items.length === 0) return null;
        return (
          <section key={type} aria-label={messageTypeLabels[type]}>
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
              {messageTypeLabels[type]}
            </h2>
            <ul className="space-y-2">
              {items.map((template) => (
                <TemplateRow key={template.id} template={template} />
              ))}
            </ul>
          </section>
        );
      })}
      <section
        aria-labelledby="new-template"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="new-template" className="mb-3 font-semibold text-slate-900">
          New template
        </h2>
        {!canShare && data ? (
          <p className="mb-2 text-xs text-slate-600">{data.manageShared.reason}</p>
        ) : null}
        <TemplateForm
          initial={{ name: "", body: "", type: "general", shared: canShare }}
          canShare={canShare}
          submitLabel="Save template"
          onSubmit={(draft) => create.mutateAsync(draft)}
        />
      </section>
    </div>
  );
}
