import colors from "tailwindcss/colors";

type Scale = Record<string, string>;

const brand: Scale = {
  50: "#eef6ff",
  100: "#d9eaff",
  500: "#2f6fed",
  600: "#1f5ad6",
  700: "#1a48ad",
  900: "#14285c",
};

/**
 * Dark mode swaps each scale end for end, so a pairing that reads well in light mode (dark text on
 * a pale fill) still reads well in dark (pale text on a dark fill). 600 stays as it is: it is the
 * solid fill of buttons and badges, which keep their white text in both themes.
 */
function mirrored(scale: Scale): Scale {
  const steps = ["50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950"];
  const out: Scale = {};
  for (const [index, step] of steps.entries()) {
    // 500 and 400 trade places too, so mid-grey text stays readable on the dark surface.
    const source =
      step === "600"
        ? "600"
        : step === "500"
          ? "400"
          : step === "400"
            ? "500"
            : steps[steps.length - 1 - index];
    const value = source ? scale[source] : undefined;
    if (value && scale[step]) out[step] = value;
  }
  return out;
}

const lightScales: Record<string, Scale> = {
  slate: colors.slate,
  red: colors.red,
  amber: colors.amber,
  emerald: colors.emerald,
  green: colors.green,
  violet: colors.violet,
  brand,
};

const darkScales: Record<string, Scale> = {
  // Surfaces: white cards on a slate-50 page become slate-900 cards on a near-black page.
  slate: { ...mirrored(colors.slate), 50: "#020617", 100: "#1e293b", 600: "#a3b1c6" },
  red: mirrored(colors.red),
  amber: mirrored(colors.amber),
  emerald: mirrored(colors.emerald),
  green: mirrored(colors.green),
  violet: mirrored(colors.violet),
  brand: {
    50: "#172544",
    100: "#1e3361",
    500: "#5b8def",
    600: "#1f5ad6",
    700: "#a5c4ff",
    900: "#dbe8ff",
  },
};

/** "#1f5ad6" as "31 90 214", the form Tailwind's `<alpha-value>` needs. */
function channels(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].join(" ");
}

function variables(scales: Record<string, Scale>, surface: string): Record<string, string> {
  const out: Record<string, string> = { "--color-surface": channels(surface) };
  for (const [name, scale] of Object.entries(scales)) {
    for (const [step, hex] of Object.entries(scale)) out[`--color-${name}-${step}`] = channels(hex);
  }
  return out;
}

export const lightVariables = variables(lightScales, "#ffffff");
export const darkVariables = variables(darkScales, "#0f172a");

/** The theme colours as Tailwind sees them: each a CSS variable, so the theme switches without a rebuild. */
export function themeColors(): Record<string, Record<string, string> | string> {
  const out: Record<string, Record<string, string> | string> = {
    white: "rgb(var(--color-surface) / <alpha-value>)",
  };
  for (const [name, scale] of Object.entries(lightScales)) {
    const entry: Record<string, string> = {};
    for (const step of Object.keys(scale)) {
      entry[step] = `rgb(var(--color-${name}-${step}) / <alpha-value>)`;
    }
    out[name] = entry;
  }
  return out;
}
