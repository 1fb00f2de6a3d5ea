import type { AppKind, Database, Kysely } from "@hearth/db";
import { readServerEnv } from "../env";
import type { Logger } from "../logger";
import { sendEmailDigests } from "../notifications/digest";
import { enqueue } from "../outbox";

/**
 * The `send_email_digests` job: one run of the digest (see notifications/digest), then a run
 * booked for when the next waiting message becomes due, so a short delay is kept to the second
 * rather than to the next minute of the crontab. One booking at a time (its job key).
 */
export async function runEmailDigests(
  deps: { db: Kysely<Database>; logger: Logger; urls: Record<AppKind, string> },
  now: Date,
): Promise<void> {
  const run = await sendEmailDigests(deps, now);
  if (run.emails > 0) deps.logger.info({ emails: run.emails }, "queued email digests");
  if (!run.nextDueAt) return;
  const runAt = run.nextDueAt;
  await deps.db
    .transaction()
    .execute((trx) =>
      enqueue(trx, "send_email_digests", {}, { runAt, jobKey: "send_email_digests:next" }),
    );
}

/** Each app's address as the environment gives it (MANAGER_URL, RESIDENT_URL). */
export function appUrlsFromEnv(): Record<AppKind, string> {
  const env = readServerEnv();
  return { manager: env.MANAGER_URL, resident: env.RESIDENT_URL };
}
