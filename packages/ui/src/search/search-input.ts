import type { RouterInputs } from "@hearth/api";
import { kindLabels, messageTypeLabels } from "../messenger/format";
import { nextDay, startOfDay } from "./day-range";
import type { SearchForm } from "./search-params";

export type SearchInput = RouterInputs["search"]["messages"];

/** Why the form cannot be searched as typed, per field, in words a person can act on. */
export type FormProblems = Partial<Record<keyof SearchForm, string>>;

const notADay = (typed: string) => `"${typed}" is not a date. Use a day like 2025-03-31.`;

function oneOf<T extends string>(value: string, labels: Record<T, string>): T | undefined {
  return Object.keys(labels).find((key): key is T => key === value);
}

/**
 * The API input for a search form, with "from" and "to" days read in `timeZone` as the range
 * [start of from, start of the day after to). Unknown choices and impossible dates come back as
 * problems, so the page can say what to fix instead of failing.
 */
export function searchInputOf(
  form: SearchForm,
  timeZone: string,
): { input: SearchInput; problems: null } | { input: null; problems: FormProblems } {
  const problems: FormProblems = {};
  const from = form.from ? startOfDay(form.from, timeZone) : undefined;
  if (from === null) problems.from = notADay(form.from);
  const lastDay = form.to ? startOfDay(form.to, timeZone) : undefined;
  if (lastDay === null) problems.to = notADay(form.to);
  const to = lastDay ? startOfDay(nextDay(form.to), timeZone) : undefined;
  if (from && to && from >= to) problems.to = "The last day comes before the first day.";
  const kind = oneOf(form.kind, kindLabels);
  if (form.kind && !kind) problems.kind = "Choose a kind of conversation from the list.";
  const type = oneOf(form.type, messageTypeLabels);
  if (form.type && !type) problems.type = "Choose a message type from the list.";
  const priority = oneOf(form.priority, { normal: "Normal", high: "High" });
  if (form.priority && !priority) problems.priority = "Choose a priority from the list.";
  if (Object.keys(problems).length) return { input: null, problems };
  const input: SearchInput = {};
  if (form.q) input.q = form.q;
  if (from) input.from = from;
  if (to) input.to = to;
  if (form.personId) input.personId = form.personId;
  if (form.propertyId) input.propertyId = form.propertyId;
  if (form.unitId) input.unitId = form.unitId;
  if (form.conversationId) input.conversationId = form.conversationId;
  if (kind) input.kind = kind;
  if (type) input.type = type;
  if (priority) input.priority = priority;
  return { input, problems: null };
}
