/** The placeholders a template may use, and filling them in; pure text work, no I/O. */

export const templateVariables = [
  "resident.first_name",
  "resident.name",
  "unit",
  "property",
  "manager.name",
  "organization",
  "today",
  "tomorrow",
  "month",
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isVariable(name: string): name is TemplateVariable {
  return (templateVariables as readonly string[]).includes(name);
}

/** Placeholders in `body` that are not variables, as written ("{{unit_number}}"). */
export function unknownVariables(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)]
    .filter((match) => !isVariable(match[1] ?? ""))
    .map((match) => match[0]);
}

/** The body with every variable replaced by its value; unknown placeholders stay as written. */
export function fillTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    isVariable(name) ? values[name] : whole,
  );
}
