import type { RouterInputs } from "@hearth/api";
import { capitalized } from "@hearth/policies";
import { Link, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { trpc } from "../trpc";
import { Composer, type SendOutcome } from "./composer";
import { draftKey } from "./draft-store";
import { isPolicyRefusal, sendFailureOf } from "./send-failure";
import { usePolicy, useViewerId } from "./viewer";

type Target = RouterInputs["conversations"]["start"]["target"];

const kindNames: Record<string, string> = {
  manager: "Team",
  service_pro: "Service pro",
  owner: "Owner",
  operator: "Operator",
};

/** Where a new conversation's draft is kept until it is sent: per recipient or unit. */
function targetKey(target: Target): string {
  switch (target.kind) {
    case "direct":
      return `new:${target.recipientId}`;
    case "unit_group":
      return `new:unit:${target.unitId}`;
    case "team":
      return `new:team:${target.recipientIds.join(",")}`;
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Starting a conversation: search people (or, for managers, whole units) by name, unit or
 * property; people the policy refuses are shown disabled with its reason.
 */
export function NewConversation({
  basePath,
  firstClientId,
}: {
  basePath: string;
  firstClientId: string;
}) {
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const [target, setTarget] = useState<{ target: Target; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const term = useDebounced(search, 200);
  const contacts = trpc.conversations.contacts.useQuery(
    { search: term },
    { placeholderData: (previous) => previous },
  );
  const start = trpc.conversations.start.useMutation();
  const utils = trpc.useUtils();
  const { vocabulary, composer } = usePolicy();
  const viewerId = useViewerId();
  const kindName = (kind: string) =>
    kind === "resident" ? capitalized(vocabulary.resident.one) : kindNames[kind];

  return (
    <section className="flex h-full min-h-0 flex-col" aria-labelledby="new-heading">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <Link
          to={basePath}
          className="rounded px-2 py-1 text-sm text-brand-700 hover:bg-slate-100 md:hidden"
          aria-label="Back to conversations"
        >
          ←
        </Link>
        <h2 id="new-heading" className="font-semibold text-slate-900">
          New message
        </h2>
      </header>
      <div className="flex-1 overflow-y-auto bg-slate-50 p-4">
        {target ? (
          <div className="flex items-center justify-between rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
            <p className="text-sm">
              To: <strong>{target.label}</strong>
            </p>
            <button
              type="button"
              className="text-sm text-brand-700 hover:underline"
              onClick={() => setTarget(null)}
            >
              Change
            </button>
          </div>
        ) : (
          <>
            <label htmlFor="recipient-search" className="block text-sm font-medium text-slate-700">
              To
            </label>
            <input
              id="recipient-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Search by name, unit or property"
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
              autoComplete="off"
            />
            <ul
              className="mt-3 divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200"
              aria-label="Recipients"
            >
              {contacts.data?.units.map((unit) => (
                <li key={unit.id}>
                  <button
                    type="button"
                    className="flex w-full items-center justify-between px-3 py-2 text-left text-sm hover:bg-slate-50"
                    onClick={() =>
                      setTarget({
                        target: { kind: "unit_group", unitId: unit.id },
                        label: `Everyone in unit ${unit.name}, ${unit.propertyName}`,
                      })
                    }
                  >
                    <span>
                      <span className="font-medium text-slate-900">Unit {unit.name}</span>{" "}
                      <span className="text-slate-500">· {unit.propertyName}</span>
                    </span>
                    <span className="text-xs text-slate-500">{vocabulary.unitGroupHint}</span>
                  </button>
                </li>
              ))}
              {contacts.data?.contacts.map((contact) => (
                <li key={contact.id}>
                  <button
                    type="button"
                    disabled={!contact.decision.allowed}
                    aria-describedby={contact.decision.allowed ? undefined : `reason-${contact.id}`}
                    className="flex w-full items-start justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:bg-slate-50"
                    onClick={() =>
                      setTarget({
                        target:
                          contact.conversationKind === "team"
                            ? { kind: "team", recipientIds: [contact.id] }
                            : { kind: "direct", recipientId: contact.id },
                        label: contact.name,
                      })
                    }
                  >
                    <span className="min-w-0">
                      <span
                        className={`block font-medium ${contact.decision.allowed ? "text-slate-900" : "text-slate-500"}`}
                      >
                        {contact.name}
                      </span>
                      <span className="block truncate text-xs text-slate-500">
                        {contact.managerRole === "account_owner"
                          ? "Account owner"
                          : kindName(contact.kind)}
                        {contact.homes ? ` · ${contact.homes}` : ""}
                      </span>
                      {!contact.decision.allowed ? (
                        <span
                          id={`reason-${contact.id}`}
                          className="mt-0.5 block text-xs text-amber-800"
                        >
                          {contact.decision.reason}
                        </span>
                      ) : null}
                    </span>
                  </button>
                </li>
              ))}
              {contacts.data &&
              contacts.data.contacts.length === 0 &&
              contacts.data.units.length === 0 ? (
                <li className="px-3 py-4 text-center text-sm text-slate-500">
                  Nobody matches “{term}”.
                </li>
              ) : null}
            </ul>
          </>
        )}
        {error ? (
          <p
            role="alert"
            className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {error}
          </p>
        ) : null}
      </div>
      {target ? (
        <Composer
          clientId={firstClientId}
          draftKey={draftKey(viewerId, targetKey(target.target))}
          canMarkPriority={composer.markPriority}
          messageTypes={target.target.kind === "team" ? [] : composer.messageTypes}
          placeholder={`Message ${target.label}`}
          attachments={composer.attachFile.allowed ? composer.attachFile.limits : undefined}
          onSend={(value, attachmentIds) => {
            setError(null);
            return start
              .mutateAsync({
                target: target.target,
                message: { clientId: firstClientId, ...value },
                attachmentIds,
              })
              .then(({ conversationId }): SendOutcome => {
                navigate(`${basePath}/${conversationId}`);
                return "sent";
              })
              .catch((e: unknown): SendOutcome => {
                // The typed message goes back in the box; the reason is shown above it.
                setError(sendFailureOf(e).reason);
                if (isPolicyRefusal(e)) {
                  void utils.conversations.contacts.invalidate();
                  void utils.policy.capabilities.invalidate();
                }
                return "restore";
              });
          }}
        />
      ) : null}
    </section>
  );
}
