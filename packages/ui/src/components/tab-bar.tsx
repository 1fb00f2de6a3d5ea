import { NavLink } from "@remix-run/react";
import type { NavItem } from "./shell";

const TAB_COUNT = 3;

/** The sections a phone's tab bar shows: those marked `tab`, or else the first few. */
export function tabsOf(nav: NavItem[]): NavItem[] {
  const marked = nav.filter((item) => item.tab);
  return (marked.length > 0 ? marked : nav).slice(0, TAB_COUNT);
}

/**
 * The phone's bottom tab bar: the main sections with their unread counts, always in reach, and
 * "More" for the rest of the menu.
 */
export function TabBar({
  nav,
  menuOpen,
  onMenu,
}: {
  nav: NavItem[];
  menuOpen: boolean;
  onMenu: () => void;
}) {
  const tabClass =
    "flex flex-1 flex-col items-center justify-center gap-0.5 py-2 text-xs font-medium";
  return (
    <nav
      aria-label="Sections"
      className="fixed inset-x-0 bottom-0 z-30 flex border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      {tabsOf(nav).map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end={item.end}
          className={({ isActive }) =>
            `${tabClass} ${isActive ? "text-brand-700" : "text-slate-700"}`
          }
        >
          <span className="relative">
            {item.label}
            {item.badge ? (
              <span className="absolute -right-4 -top-2.5 min-w-[1.25rem] rounded-full bg-brand-600 px-1 text-center text-[0.6875rem] font-semibold leading-5 text-white">
                {item.badge}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </span>
        </NavLink>
      ))}
      <button
        type="button"
        className={`${tabClass} text-slate-700`}
        aria-expanded={menuOpen}
        aria-controls="primary-nav"
        onClick={onMenu}
      >
        More
      </button>
    </nav>
  );
}
