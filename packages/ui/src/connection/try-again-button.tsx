import { useRevalidator } from "@remix-run/react";

/** Loads the page's data again: after an outage this clears the error without a full reload. */
export function TryAgainButton() {
  const revalidator = useRevalidator();
  const busy = revalidator.state !== "idle";
  return (
    <button
      type="button"
      onClick={() => revalidator.revalidate()}
      disabled={busy}
      className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {busy ? "Trying…" : "Try again"}
    </button>
  );
}
