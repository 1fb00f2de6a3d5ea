import type { RouterOutputs } from "@hearth/api";
import { type FormEvent, useState } from "react";
import { Alert, Button } from "../components/form";
import { trpc } from "../trpc";
import { saveFailureOf } from "./save-failure";

type Page = RouterOutputs["settings"]["organization"];
type Member = Page["team"][number];
type Notice = { tone: "error" | "info"; text: string };

/** What one team member may do: a box per permission that matters in this plan. */
function MemberPermissions({
  member,
  grantable,
  settingsVersion,
  canManage,
  message,
  setMessage,
}: {
  member: Member;
  grantable: Page["grantable"];
  settingsVersion: number;
  canManage: boolean;
  /** Kept by the list, as each member's form is drawn again after every save. */
  message: Notice | null;
  setMessage: (message: Notice | null) => void;
}) {
  const utils = trpc.useUtils();
  const save = trpc.settings.setPermissions.useMutation({
    onSettled: () => utils.settings.organization.invalidate(),
  });
  const [held, setHeld] = useState<string[]>(member.permissions);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const permissions = grantable
      .map((grant) => grant.permission)
      .filter((permission) => held.includes(permission));
    save.mutateAsync({ settingsVersion, userId: member.id, permissions }).then(
      () => setMessage({ tone: "info", text: `Saved what ${member.name} may do.` }),
      (error: unknown) => setMessage({ tone: "error", text: saveFailureOf(error).message }),
    );
  };
  const headingId = `member-${member.id}`;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={headingId}
      className="space-y-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0"
    >
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {member.name} <span className="font-normal text-slate-500">({member.email})</span>
      </h3>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {grantable.map((grant) => (
          <label key={grant.permission} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={held.includes(grant.permission)}
              disabled={!canManage}
              onChange={(event) =>
                setHeld(
                  event.target.checked
                    ? [...held, grant.permission]
                    : held.filter((p) => p !== grant.permission),
                )
              }
            />
            {grant.label}
          </label>
        ))}
      </div>
      {canManage ? (
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          Save for {member.name}
        </Button>
      ) : null}
    </form>
  );
}

/** Each sub-user's permissions; only the account owner changes them. */
export function TeamPermissions({ page }: { page: Page }) {
  const [notices, setNotices] = useState<Record<string, Notice | null>>({});
  if (page.team.length === 0)
    return <p className="text-sm text-slate-600">Nobody else is on your team yet.</p>;
  if (page.grantable.length === 0)
    return (
      <p className="text-sm text-slate-600">
        In your plan, what team members may do is the same for all of them; there is nothing to give
        one by one.
      </p>
    );
  return (
    <div className="space-y-3">
      {page.canManagePermissions.allowed ? null : (
        <p className="text-sm text-slate-600">{page.canManagePermissions.reason}</p>
      )}
      {page.team.map((member) => (
        <MemberPermissions
          key={`${member.id}:${page.settingsVersion}`}
          member={member}
          grantable={page.grantable}
          settingsVersion={page.settingsVersion}
          canManage={page.canManagePermissions.allowed}
          message={notices[member.id] ?? null}
          setMessage={(notice) => setNotices((all) => ({ ...all, [member.id]: notice }))}
        />
      ))}
    </div>
  );
}
