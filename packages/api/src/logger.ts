import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/** Structured JSON logs; secrets never reach them. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base,
    redact: {
      paths: ["password", "*.password", "input.password", "token", "*.token"],
      censor: "[redacted]",
    },
  });
}
