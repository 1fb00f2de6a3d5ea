import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { TryAgainButton } from "../connection/try-again-button";

const headlines: Record<number, string> = {
  400: "That request was not valid",
  401: "Please sign in",
  403: "You do not have access to this page",
  404: "We could not find that page",
  429: "Too many requests",
};

/**
 * The error boundary every route shares: a readable page per status, never a stack trace.
 * `inFrame`: the boundary of a page inside the app's frame, which already has the main landmark.
 */
export function ErrorPage({ inFrame = false }: { inFrame?: boolean }) {
  const Landmark = inFrame ? "div" : "main";
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) &&
    typeof error.data === "object" &&
    error.data &&
    "message" in error.data
      ? String((error.data as { message: unknown }).message)
      : null;
  // A failed fetch (offline, server unreachable) is a TypeError thrown by the browser.
  const unreachable = error instanceof TypeError;
  return (
    <Landmark className="flex min-h-[60vh] items-center justify-center p-8">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">{status}</p>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">
          {unreachable ? "You seem to be offline" : (headlines[status] ?? "Something went wrong")}
        </h1>
        <p className="mt-2 text-slate-600">
          {detail ??
            (unreachable
              ? "Hearth could not be reached. Check your connection, then try again."
              : status >= 500
                ? "Please try again in a moment."
                : "")}
        </p>
        {status >= 500 ? <TryAgainButton /> : null}
        <Link to="/" className="mt-6 block text-sm font-semibold text-brand-700 hover:underline">
          Go to the start page
        </Link>
      </div>
    </Landmark>
  );
}

/** The error boundary of a page inside the app's frame: the frame and its navigation stay. */
export function InFrameErrorPage() {
  return <ErrorPage inFrame />;
}
