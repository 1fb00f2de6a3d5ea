import { prettyFactory } from "pino-pretty";

/**
 * The dev terminal: the apps and the worker log pino JSON (what production ships to a log
 * collector); here each record becomes one readable line, and Vite's own output passes as it is.
 */
const pretty = prettyFactory({
  colorize: process.stdout.isTTY === true,
  translateTime: "SYS:HH:MM:ss",
  ignore: "pid,hostname",
  singleLine: true,
});

function isLogRecord(value: unknown): value is { level: number; time: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { level?: unknown }).level === "number" &&
    typeof (value as { time?: unknown }).time === "number"
  );
}

/** One line a child process printed, tagged with its name: pretty when it is a log record. */
export function consoleLine(tag: string, line: string): string {
  if (line.startsWith("{")) {
    try {
      const record: unknown = JSON.parse(line);
      if (isLogRecord(record)) return `[${tag}] ${pretty(record)}`;
    } catch {
      // not JSON after all: print it as it came
    }
  }
  return `[${tag}] ${line}\n`;
}

/** A pino destination that prints pretty lines, for the launcher's own logger. */
export function prettyDestination(tag: string): { write(record: string): void } {
  return {
    write(record: string) {
      process.stdout.write(consoleLine(tag, record.trimEnd()));
    },
  };
}
