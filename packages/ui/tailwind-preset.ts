import type { Config } from "tailwindcss";
import plugin from "tailwindcss/plugin";
import { darkVariables, lightVariables, themeColors } from "./src/theme/palette";

const dark = { ...darkVariables, colorScheme: "dark" };

/**
 * In dark mode, white text stays white: it sits on solid brand and red fills, which keep their
 * colour; only the surfaces that were white turn dark. A button's hover fill stays dark too.
 */
function darkOverrides(root: string): Record<string, Record<string, string>> {
  return {
    [`${root} .text-white`]: { color: "#fff" },
    // The selected-view pill is a dark fill under white text in both themes.
    [`${root} .bg-slate-900`]: { backgroundColor: "#334155" },
    [`${root} .hover\\:bg-brand-700:hover`]: { backgroundColor: "#1a48ad" },
  };
}

const systemDark = ':root:not([data-theme="light"])';
const chosenDark = ':root[data-theme="dark"]';

/** The look both apps share, in a light and a dark theme. */
export default {
  theme: {
    extend: {
      colors: themeColors(),
      borderColor: { DEFAULT: "rgb(var(--color-slate-200) / <alpha-value>)" },
      fontFamily: {
        sans: [
          "Inter",
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "sans-serif",
        ],
      },
      keyframes: {
        "navigation-progress": {
          "0%": { transform: "scaleX(0)" },
          "100%": { transform: "scaleX(0.9)" },
        },
      },
      animation: {
        "navigation-progress": "navigation-progress 8s cubic-bezier(0.1, 0.7, 0.2, 1) 150ms both",
      },
    },
  },
  plugins: [
    plugin(({ addBase }) => {
      addBase({
        ":root": { ...lightVariables, colorScheme: "light" },
        // The system's choice unless this browser chose light; the document's script sets data-theme.
        "@media (prefers-color-scheme: dark)": { [systemDark]: dark, ...darkOverrides(systemDark) },
        [chosenDark]: dark,
        ...darkOverrides(chosenDark),
        // A select without its own fill would show the browser's, which ignores the theme.
        select: { backgroundColor: "rgb(var(--color-surface))" },
        // Keyboard focus is always visible, on every control, in both themes.
        ":focus-visible": {
          outline: "2px solid rgb(var(--color-brand-500))",
          outlineOffset: "2px",
        },
      });
    }),
  ],
} satisfies Partial<Config>;
