/** What an inbound text asks for: the carrier keywords, and opt-outs in plain words. */

export type SmsIntent = "stop" | "start" | "help" | "other";

const STOP_WORDS = new Set([
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "REVOKE",
  "OPTOUT",
]);
const START_WORDS = new Set(["START", "UNSTOP", "YES"]);
const HELP_WORDS = new Set(["HELP", "INFO"]);

/** Opt-outs people write out: "stop texting me", "please stop", "don't text me", "opt out". */
const PLAIN_STOPS = [
  /\bstop (?:texting|messaging|sending|contacting|txting)\b/,
  /\bplease stop\b/,
  /\bstop (?:it|now|please)\b/,
  /\b(?:don'?t|do not|never) (?:text|message|sms|contact)\b/,
  /\bno more (?:texts|messages|sms)\b/,
  /\b(?:unsubscribe|opt[- ]?out)\b/,
  /\bremove me\b/,
  /\btake me off\b/,
];

export function smsIntent(text: string): SmsIntent {
  const plain = text.trim().toLowerCase().replace(/[’]/g, "'");
  const word = plain.replace(/[^a-z]/g, "").toUpperCase();
  const single = /^[a-z\s.!,-]*$/.test(plain) && plain.split(/\s+/).filter(Boolean).length === 1;
  if (single && STOP_WORDS.has(word)) return "stop";
  if (single && START_WORDS.has(word)) return "start";
  if (single && HELP_WORDS.has(word)) return "help";
  if (PLAIN_STOPS.some((pattern) => pattern.test(plain))) return "stop";
  return "other";
}
