/** What a person picked for this browser: follow the system, or always light or dark. */
export type ThemeChoice = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "hearth-theme";
export const themeChoices: readonly ThemeChoice[] = ["system", "light", "dark"];

export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** The `data-theme` the document gets: none when following the system (the CSS media query decides). */
export function themeAttribute(choice: ThemeChoice): "light" | "dark" | null {
  return choice === "system" ? null : choice;
}

/**
 * Runs in <head> before the page paints, so a stored choice applies without a flash of the other
 * theme. Storage may be unavailable (private modes); then the system setting applies.
 */
export const themeScript = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
