/**
 * Procedures name the field a refusal is about first ("unitId: No such unit in your
 * organization."), so a form can place it beside that field. People read only the sentence.
 */
const FIELD_PREFIX = /^([A-Za-z][\w.]*): (.+)$/s;

/** The sentence of an API message, and the field it names (null when it names none). */
export function splitFieldMessage(message: string): { field: string | null; sentence: string } {
  const match = FIELD_PREFIX.exec(message);
  if (!match?.[1] || !match[2]) return { field: null, sentence: message };
  return { field: match[1], sentence: match[2] };
}
