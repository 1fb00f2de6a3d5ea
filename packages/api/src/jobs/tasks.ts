import type { Database, Kysely } from "@hearth/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import type { JobName } from "../outbox/jobs";
import { deliverEmail } from "./deliver-email";

export interface JobDeps {
  db: Kysely<Database>;
  logger: Logger;
  mailer: Mailer;
}

const deliverEmailPayload = z.object({ outboundEmailId: z.number().int().positive() });

/** Deletes sessions past their end and sign-in attempts older than the rate-limit window needs. */
export async function purgeExpiredSessions(
  deps: JobDeps,
  now: Date,
): Promise<{ sessions: number; attempts: number }> {
  const sessions = await deps.db
    .deleteFrom("sessions")
    .where("expires_at", "<=", now)
    .executeTakeFirst();
  const attempts = await deps.db
    .deleteFrom("sign_in_attempts")
    .where("created_at", "<", new Date(now.getTime() - 86_400_000))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
}

/** Every job the worker runs, by name: each job the outbox adds, and the recurring ones. */
export function taskList(deps: JobDeps): Record<JobName | "purge_expired_sessions", Task> {
  return {
    deliver_email: async (payload) => {
      await deliverEmail(deps, deliverEmailPayload.parse(payload).outboundEmailId);
    },
    purge_expired_sessions: async () => {
      const removed = await purgeExpiredSessions(deps, new Date());
      deps.logger.info(removed, "purged expired sessions");
    },
  };
}

/** Recurring jobs (graphile-worker crontab syntax). */
export const crontab = "*/15 * * * * purge_expired_sessions\n";
