import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/**
 * Structured JSON logs; secrets never reach them. They go to stdout unless `destination` is given
 * (the dev launcher's pretty console).
 */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base,
    redact: {
      paths: ["password", "*.password", "input.password", "token", "*.token"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
