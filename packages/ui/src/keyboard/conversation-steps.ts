/**
 * The conversation link `step` places away from the open one in the list on the page (the first
 * or last when none is open), or null at either end or without a list.
 */
export function neighbourConversation(step: 1 | -1): HTMLAnchorElement | null {
  const links = [
    ...document.querySelectorAll<HTMLAnchorElement>('[aria-label="Conversations"] a[href]'),
  ];
  if (links.length === 0) return null;
  const here = window.location.pathname;
  const open = links.findIndex((link) => new URL(link.href).pathname === here);
  if (open === -1) return (step === 1 ? links[0] : links.at(-1)) ?? null;
  return links[open + step] ?? null;
}
