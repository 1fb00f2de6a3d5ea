import { Form, NavLink } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { OfflineBanner } from "../connection/offline-banner";
import { OfflineNavigationGuard } from "../connection/offline-navigation";
import { KeyboardShortcuts } from "../keyboard/keyboard-shortcuts";
import { SEARCH_PATH } from "../search/search-params";
import { ShellSearch } from "../search/shell-search";
import { ThemeToggle } from "../theme/theme-toggle";
import { TabBar } from "./tab-bar";

export interface NavItem {
  to: string;
  label: string;
  badge?: number;
  /** Highlight only on this exact path, not below it. */
  end?: boolean;
  /** One of the main sections, in the phone's bottom tab bar. */
  tab?: boolean;
}

/**
 * The signed-in frame: brand, message search (for members of an organization), navigation, who
 * is signed in, theme, sign-out. On phones the main sections sit in a bottom tab bar and the rest
 * opens from its "More".
 */
export function AppShell({
  appName,
  nav,
  userName,
  subtitle,
  search = false,
  bell,
  children,
}: {
  appName: string;
  nav: NavItem[];
  userName: string;
  subtitle: string;
  search?: boolean;
  /** The notifications bell, shown in the header on phones and beside the name on wider screens. */
  bell?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
        <span className="font-bold text-brand-700">{appName}</span>
        {bell ? <span className="ml-auto mr-1">{bell}</span> : null}
        {search ? (
          <NavLink
            to={SEARCH_PATH}
            className={`${bell ? "" : "ml-auto "}mr-2 rounded-md px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300`}
          >
            Search
          </NavLink>
        ) : null}
      </header>
      <aside
        id="primary-nav"
        className={`${open ? "fixed inset-x-0 bottom-14 z-30 block max-h-[75vh] overflow-y-auto shadow-xl" : "hidden"} border-t border-slate-200 bg-white md:static md:flex md:max-h-none md:w-60 md:flex-col md:overflow-visible md:border-r md:border-t-0 md:shadow-none`}
      >
        <div className="hidden px-5 py-5 md:block">
          <div className="flex items-center justify-between">
            <p className="text-lg font-bold text-brand-700">{appName}</p>
            {bell}
          </div>
          <p className="text-xs text-slate-500">{subtitle}</p>
          {search ? <ShellSearch className="mt-4" /> : null}
        </div>
        <nav aria-label="Main" className="flex-1 px-3 py-2">
          <ul className="space-y-1">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  onClick={() => setOpen(false)}
                  className={({ isActive }) =>
                    `flex items-center justify-between rounded-lg px-3 py-2 text-sm font-medium ${
                      isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
                    }`
                  }
                >
                  <span>{item.label}</span>
                  {item.badge ? (
                    <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                      {item.badge}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="border-t border-slate-200 px-5 py-4">
          <p className="truncate text-sm font-medium text-slate-800">{userName}</p>
          <ThemeToggle className="mt-2" />
          <Form method="post" action="/logout">
            <button type="submit" className="mt-1 text-sm text-brand-700 hover:underline">
              Sign out
            </button>
          </Form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-4 pb-20 md:p-8">
        <OfflineBanner />
        {children}
      </main>
      <TabBar nav={nav} menuOpen={open} onMenu={() => setOpen((v) => !v)} />
      <OfflineNavigationGuard />
      <KeyboardShortcuts />
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
