import type { ReactNode } from "react";

/**
 * The list beside the open conversation on wide screens; on a phone one of them at a time:
 * the list when nothing is open, the conversation when one is. A side panel (details, files)
 * lies over the thread up to 1280 px; from there it sits beside the thread, and the list makes
 * room for both until the screen is wide enough for all three (1536 px).
 */
export function MessengerLayout({
  list,
  children,
  open,
}: {
  list: ReactNode;
  children: ReactNode;
  open: boolean;
}) {
  return (
    <div className="group/messenger relative flex h-[calc(100dvh-9.5rem)] min-h-0 overflow-hidden rounded-none bg-white md:h-[calc(100vh-4rem)] md:rounded-xl md:shadow-sm md:ring-1 md:ring-slate-200">
      <div
        className={`${open ? "hidden" : "flex"} w-full flex-col border-r border-slate-200 md:flex md:w-72 lg:w-80 xl:group-has-[[data-side-panel]]/messenger:hidden 2xl:w-96 2xl:group-has-[[data-side-panel]]/messenger:flex`}
      >
        {list}
      </div>
      <div className={`${open ? "flex" : "hidden"} relative min-w-0 flex-1 flex-col md:flex`}>
        {children}
      </div>
    </div>
  );
}
