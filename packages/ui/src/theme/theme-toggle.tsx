import { useEffect, useSyncExternalStore } from "react";
import {
  parseThemeChoice,
  THEME_STORAGE_KEY,
  type ThemeChoice,
  themeAttribute,
  themeChoices,
} from "./theme-choice";

const labels: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };
const listeners = new Set<() => void>();

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice): void {
  const attribute = themeAttribute(choice);
  if (attribute) document.documentElement.dataset.theme = attribute;
  else delete document.documentElement.dataset.theme;
}

/**
 * Applies the stored choice again once the page is live: if React had to render the document
 * afresh (a hydration error), the attribute the head script set would be gone.
 */
export function useStoredTheme(): void {
  useEffect(() => apply(storedChoice()), []);
}

function choose(choice: ThemeChoice): void {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not stored (private mode): the choice still applies to this page.
  }
  apply(choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Light, dark, or the system's setting, kept in this browser. */
export function ThemeToggle({ className = "" }: { className?: string }) {
  const choice = useSyncExternalStore(subscribe, storedChoice, () => "system" as const);
  return (
    <label className={`flex items-center gap-2 text-sm text-slate-700 ${className}`}>
      Theme
      <select
        value={choice}
        onChange={(event) => choose(parseThemeChoice(event.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {themeChoices.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
