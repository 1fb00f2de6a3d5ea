import { type AppKind, type Database, type Kysely, sql } from "@hearth/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { type Clock, systemClock } from "../clock";
import { readServerEnv } from "../env";
import { cleanUnusedUploads } from "../files/clean-unused-uploads";
import type { FileStorage } from "../files/storage";
import { fileStorageFromEnv } from "../files/storage-from-env";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import type { JobName } from "../outbox/jobs";
import { sendPushForMessage } from "../push/send-push";
import { type PushTransport, webPushTransport } from "../push/transport";
import { vapidKeys } from "../push/vapid-keys";
import { deliverSms } from "../sms/deliver";
import { type SmsProvider, smsProviderFromEnv } from "../sms/provider";
import { sendSmsForMessage } from "../sms/send-for-message";
import { deliverEmail } from "./deliver-email";
import { appUrlsFromEnv, runEmailDigests } from "./email-digests";
import { sendAutoResponses } from "./send-auto-responses";
import { sendScheduledBroadcast } from "./send-scheduled-broadcast";
import { sendScheduledMessage } from "./send-scheduled-message";

export interface JobDeps {
  db: Kysely<Database>;
  logger: Logger;
  mailer: Mailer;
  /** Each app's address, for links in emails; by default MANAGER_URL and RESIDENT_URL. */
  urls?: Record<AppKind, string>;
  /** The time jobs act at (scheduled sends); tests pass their own. */
  clock?: Clock;
  /** Where attachments are kept; by default the storage the environment asks for. */
  files?: FileStorage;
  /** How pushes reach the browsers' push services; by default Web Push with the kept VAPID keys. */
  push?: PushTransport;
  /** Where texts go; by default Twilio when configured, else the dev outbox (/dev/sms). */
  sms?: SmsProvider;
}

const deliverEmailPayload = z.object({ outboundEmailId: z.number().int().positive() });
const deliverSmsPayload = z.object({ outboundSmsId: z.number().int().positive() });
/** The payload of the jobs about one message (scheduled sends, auto-responses). */
const messageJobPayload = z.object({ messageId: z.number().int().positive() });
const scheduledBroadcastPayload = z.object({ scheduledBroadcastId: z.string().uuid() });

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

/** How long live events stay for reconnects to back-fill; a client away longer refetches. */
export const LIVE_EVENT_RETENTION_MS = 24 * 3_600_000;

/** Deletes live events older than the retention, in batches, so the log stays small. */
export async function pruneLiveEvents(deps: JobDeps, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - LIVE_EVENT_RETENTION_MS);
  let removed = 0;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      with old as (
        select xid, id from live_events where created_at < ${cutoff} limit 10000
      ), gone as (
        delete from live_events e using old where e.xid = old.xid and e.id = old.id returning 1
      )
      select count(*)::int as n from gone`.execute(deps.db);
    const n = rows[0]?.n ?? 0;
    removed += n;
    if (n < 10_000) return removed;
  }
}

/** Every job the worker runs, by name: each job the outbox adds, and the recurring ones. */
export function taskList(
  deps: JobDeps,
): Record<JobName | "purge_expired_sessions" | "prune_live_events" | "clean_unused_uploads", Task> {
  return {
    deliver_email: async (payload) => {
      await deliverEmail(deps, deliverEmailPayload.parse(payload).outboundEmailId);
    },
    send_auto_responses: async (payload) => {
      const { messageId } = messageJobPayload.parse(payload);
      const clock = deps.clock ?? systemClock;
      const sent = await sendAutoResponses({ db: deps.db, logger: deps.logger, clock }, messageId);
      if (sent > 0) deps.logger.info({ messageId, sent }, "auto-responses sent");
    },
    send_push: async (payload) => {
      const { messageId } = messageJobPayload.parse(payload);
      const transport =
        deps.push ?? webPushTransport(() => vapidKeys(deps.db), readServerEnv().VAPID_SUBJECT);
      const run = await sendPushForMessage(
        { db: deps.db, logger: deps.logger, transport },
        messageId,
        (deps.clock ?? systemClock).now(),
      );
      if (run.sent + run.removed > 0) deps.logger.info({ messageId, ...run }, "pushes sent");
    },
    send_sms: async (payload) => {
      const { messageId } = messageJobPayload.parse(payload);
      const urls = deps.urls ?? appUrlsFromEnv();
      const run = await sendSmsForMessage(
        { db: deps.db, urls },
        messageId,
        (deps.clock ?? systemClock).now(),
      );
      if (run.queued > 0) deps.logger.info({ messageId, ...run }, "texts queued");
    },
    deliver_sms: async (payload, helpers) => {
      const { outboundSmsId } = deliverSmsPayload.parse(payload);
      await deliverSms(
        {
          db: deps.db,
          logger: deps.logger,
          sms: deps.sms ?? smsProviderFromEnv(readServerEnv(), deps.db),
          urls: deps.urls ?? appUrlsFromEnv(),
        },
        outboundSmsId,
        { number: helpers.job.attempts, max: helpers.job.max_attempts },
      );
    },
    send_scheduled_message: async (payload) => {
      const { messageId } = messageJobPayload.parse(payload);
      const outcome = await sendScheduledMessage(
        { db: deps.db, logger: deps.logger, clock: deps.clock ?? systemClock },
        messageId,
      );
      deps.logger.info({ messageId, outcome }, "scheduled message");
    },
    send_scheduled_broadcast: async (payload) => {
      const { scheduledBroadcastId } = scheduledBroadcastPayload.parse(payload);
      const outcome = await sendScheduledBroadcast(
        {
          db: deps.db,
          logger: deps.logger,
          clock: deps.clock ?? systemClock,
          urls: deps.urls ?? appUrlsFromEnv(),
        },
        scheduledBroadcastId,
      );
      deps.logger.info({ scheduledBroadcastId, outcome }, "scheduled broadcast");
    },
    send_email_digests: async () => {
      await runEmailDigests({ ...deps, urls: deps.urls ?? appUrlsFromEnv() }, new Date());
    },
    purge_expired_sessions: async () => {
      const removed = await purgeExpiredSessions(deps, new Date());
      deps.logger.info(removed, "purged expired sessions");
    },
    prune_live_events: async () => {
      const removed = await pruneLiveEvents(deps, new Date());
      deps.logger.info({ removed }, "pruned live events");
    },
    clean_unused_uploads: async () => {
      const files = deps.files ?? fileStorageFromEnv(readServerEnv());
      const removed = await cleanUnusedUploads({ db: deps.db, files }, new Date());
      deps.logger.info({ removed }, "cleaned unused uploads");
    },
  };
}

/** Recurring jobs (graphile-worker crontab syntax). */
export const crontab =
  "*/15 * * * * purge_expired_sessions\n7 * * * * prune_live_events\n* * * * * send_email_digests\n23 * * * * clean_unused_uploads\n";
