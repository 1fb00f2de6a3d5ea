import { type FormEvent, useState } from "react";
import { Alert, Button } from "../components/form";
import { sendFailureOf } from "../messenger/send-failure";
import { trpc } from "../trpc";

/** One's signature, shown below one's messages (apart from the text) where the profile has it. */
export function SignatureForm({ initial }: { initial: string }) {
  const save = trpc.signature.save.useMutation();
  const [signature, setSignature] = useState(initial);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutateAsync({ signature }).then(
      () => setMessage({ tone: "info", text: "Signature saved." }),
      (e: unknown) => setMessage({ tone: "error", text: sendFailureOf(e).reason }),
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <label className="block text-sm font-medium text-slate-700">
        Signature
        <textarea
          value={signature}
          rows={3}
          maxLength={500}
          placeholder={"Dana Whitfield\nProperty manager"}
          onChange={(e) => setSignature(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <Button type="submit">Save signature</Button>
    </form>
  );
}
