import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SEARCH_PATH } from "./search-params";

/** Whether a key press belongs to a field being typed in, not to the page's shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function isSearchShortcut(event: KeyboardEvent): boolean {
  if (event.key === "/") return !event.ctrlKey && !event.metaKey && !event.altKey;
  return event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/**
 * The shell's search box: a plain GET form to the search page, so it works before and without
 * JavaScript. "/" and Ctrl-K (Cmd-K) focus it, except while typing elsewhere.
 */
export function ShellSearch({ className = "" }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === SEARCH_PATH ? (params.get("q") ?? "") : "";

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event) || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <Form method="get" action={SEARCH_PATH} role="search" className={`relative ${className}`}>
      <label htmlFor="shell-search" className="sr-only">
        Search messages
      </label>
      <input
        ref={input}
        // A new search page shows its own words here; typing in between is kept.
        key={current}
        id="shell-search"
        type="search"
        name="q"
        defaultValue={current}
        placeholder="Search messages"
        aria-keyshortcuts="/ Control+K Meta+K"
        className="peer block w-full rounded-lg border border-slate-300 bg-white py-1.5 pl-3 pr-8 text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none invisible absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 peer-placeholder-shown:visible peer-focus:invisible"
      >
        /
      </span>
    </Form>
  );
}
