/** The wording of texts: short, with the organization's name and a link where there is one. */

const EXCERPT = 90;

export function notificationText(input: {
  organizationName: string;
  from: string;
  body: string;
  url: string;
}): string {
  const flat = input.body.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
  return `${input.organizationName}: ${input.from}: "${excerpt}" ${input.url} Reply STOP to opt out.`;
}

export function stopConfirmationText(organizationName: string): string {
  return `${organizationName}: You're unsubscribed and will get no more texts from us. Reply START to resume.`;
}

export function startConfirmationText(organizationName: string): string {
  return `${organizationName}: You'll get texts from us again. Reply STOP to opt out, HELP for help.`;
}

export function helpText(organizationName: string, contact: string): string {
  return `${organizationName}: Texts about your messages. Reply STOP to opt out, START to resume. Help: ${contact}`;
}
