import type { RouterOutputs } from "@hearth/api";
import { type FormEvent, useState } from "react";
import { Alert, Button, Field } from "../components/form";
import { trpc } from "../trpc";
import { type SaveFailure, saveFailureOf } from "./save-failure";

type Page = RouterOutputs["settings"]["organization"];

/**
 * Where answers to the organization's email go (seed 003 "the General inbox configured for the
 * space"): digests and email copies carry it as their Reply-To.
 */
export function ReplyToForm({ page }: { page: Page }) {
  const utils = trpc.useUtils();
  const save = trpc.settings.saveReplyTo.useMutation({
    onSettled: () => utils.settings.organization.invalidate(),
  });
  const [value, setValue] = useState(page.replyTo.value ?? "");
  const [outcome, setOutcome] = useState<{ saved: true } | SaveFailure | null>(null);
  const canChange = page.canChange.allowed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const replyTo = value.trim();
    save
      .mutateAsync({
        settingsVersion: page.settingsVersion,
        replyTo: replyTo === "" ? null : replyTo,
      })
      .then(
        () => setOutcome({ saved: true }),
        (error: unknown) => setOutcome(saveFailureOf(error)),
      );
  };
  const failure = outcome && "message" in outcome ? outcome : null;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Email replies" noValidate>
      {outcome && !failure ? <Alert tone="info">Reply-to address saved.</Alert> : null}
      {failure && !failure.fieldErrors.replyTo ? <Alert>{failure.message}</Alert> : null}
      <Field
        label="Replies to our emails go to"
        name="replyTo"
        type="email"
        autoComplete="email"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        disabled={!canChange}
        placeholder={page.replyTo.fallback ?? ""}
        hint={
          page.replyTo.fallback
            ? `Left empty, replies go to the account owner (${page.replyTo.fallback}).`
            : "Left empty, replies go to the account owner."
        }
        errors={failure?.fieldErrors.replyTo ? [...failure.fieldErrors.replyTo] : undefined}
      />
      {canChange ? (
        <Button type="submit" disabled={save.isPending}>
          Save reply-to address
        </Button>
      ) : null}
    </form>
  );
}
