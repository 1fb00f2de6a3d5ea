import { useEffect, useRef } from "react";
import { neighbourConversation } from "./conversation-steps";
import { shortcutFor, shortcutHelp } from "./shortcuts";

/**
 * The page's keyboard shortcuts (j/k next and previous conversation, r reply, e archive, ? help)
 * and the dialog that lists them. Mounted once in the signed-in frame.
 */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || dialog.current?.open) return;
      if (shortcut === "help") dialog.current?.showModal();
      else if (shortcut === "next" || shortcut === "previous") {
        const link = neighbourConversation(shortcut === "next" ? 1 : -1);
        if (!link) return;
        link.click();
      } else if (shortcut === "reply") {
        const box = document.getElementById("composer-body");
        if (!box) return;
        box.focus();
      } else {
        const archive = document.querySelector<HTMLButtonElement>('[data-shortcut="archive"]');
        if (!archive) return;
        archive.click();
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcut-help-title"
      className="w-full max-w-sm rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="shortcut-help-title" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        {shortcutHelp.map((item) => (
          <div key={item.keys} className="flex items-center gap-3">
            <dt>
              <kbd className="inline-block min-w-[1.75rem] rounded border border-slate-300 bg-slate-50 px-1.5 text-center font-mono text-slate-800">
                {item.keys}
              </kbd>
            </dt>
            <dd className="text-slate-700">{item.does}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600">Shortcuts pause while you type in a field.</p>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}
