/**
 * What an attacker puts into a field. The list grows: add what a finding or an advisory suggests,
 * and every procedure and role gets it on the next run.
 */
export const hostileValues: readonly { name: string; value: unknown }[] = [
  { name: "above bigint", value: 1e20 },
  { name: "2^63", value: 2 ** 63 },
  { name: "above safe integer", value: 2 ** 53 + 2 },
  { name: "above int4", value: 2 ** 31 },
  { name: "negative", value: -1 },
  { name: "zero", value: 0 },
  { name: "fraction", value: 1.5 },
  { name: "NaN", value: Number.NaN },
  { name: "infinity", value: Number.POSITIVE_INFINITY },
  { name: "NUL", value: "a\u0000b" },
  { name: "lone high surrogate", value: "a\uD800" },
  { name: "lone low surrogate", value: "\uDC00b" },
  { name: "bidi override", value: "\u202Eexe.gpj" },
  { name: "100k string", value: "x".repeat(100_000) },
  { name: "empty string", value: "" },
  { name: "SQL", value: "' or 1=1; drop table users; --" },
  { name: "LIKE wildcards", value: "%_\\" },
  { name: "script", value: "<script>alert(1)</script>" },
  { name: "nil uuid", value: "00000000-0000-0000-0000-000000000000" },
  { name: "array of 10k", value: Array.from({ length: 10_000 }, () => "x") },
  { name: "array of 10k uuids", value: Array.from({ length: 10_000 }, () => crypto.randomUUID()) },
  { name: "object", value: { nested: { deeper: true } } },
  { name: "prototype key", value: JSON.parse('{"__proto__": {"polluted": true}}') as unknown },
  { name: "null", value: null },
  { name: "true", value: true },
  { name: "date", value: new Date(8.64e15) },
];

/** Text that comes from the database, not from us: a leak when it reaches a caller. */
export const databaseText =
  /relation "|column "|syntax error|violates|duplicate key|invalid input syntax|out of range for type|pg_|\bSQLSTATE\b|kysely/i;
