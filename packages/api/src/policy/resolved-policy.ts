import { type ResolveResult, resolvePolicy } from "@hearth/policies";

/** Resolved policies by their settings; settings are few, so this stays small. */
const cache = new Map<string, ResolveResult>();
const MAX_ENTRIES = 500;

/**
 * The policy for a profile, the operator's overrides and the customer's own choices, parsed once
 * per distinct settings (the settings themselves are read on every request, so a change applies
 * at once).
 */
export function resolvedPolicy(
  profile: string,
  overrides: unknown,
  customerChoices: unknown = {},
): ResolveResult {
  // jsonb comes back with its keys in a canonical order, so equal settings give equal keys.
  const key = `${profile}\u0000${JSON.stringify(overrides)}\u0000${JSON.stringify(customerChoices)}`;
  const known = cache.get(key);
  if (known) return known;
  const resolved = resolvePolicy(profile, overrides, customerChoices);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, resolved);
  return resolved;
}
