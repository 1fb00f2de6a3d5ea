import { type Database, sql, type Transaction } from "@hearth/db";

/** Every job our code adds, by task name, with the payload its task reads. */
export interface JobPayloads {
  deliver_email: { outboundEmailId: number };
  /** Also recurring (every minute); added for when the next digest becomes due. */
  send_email_digests: Record<string, never>;
  /** At the message's scheduled time (job key `scheduled-message:<id>`). */
  send_scheduled_message: { messageId: number };
  /** At the broadcast's scheduled time (job key `scheduled-broadcast:<id>`). */
  send_scheduled_broadcast: { scheduledBroadcastId: string };
  /** Added by `writeMessage` itself (job key `auto-response:<id>`) when someone may answer. */
  send_auto_responses: { messageId: number };
  /** Added by migration 0016's trigger (job key `push:<id>`) when a recipient has push set up. */
  send_push: { messageId: number };
  /** Added by migration 0015's trigger (job key `sms:<id>`) when a recipient has a number. */
  send_sms: { messageId: number };
  /** One text of the SMS outbox (job key `deliver_sms:<id>`). */
  deliver_sms: { outboundSmsId: number };
}

export type JobName = keyof JobPayloads;

export interface EnqueueOptions {
  /**
   * At most one waiting job per key: adding again replaces the waiting job rather than adding a
   * second (graphile-worker's `job_key`, mode "replace").
   */
  jobKey?: string;
  /** Attempts before graphile-worker gives up (its default: 25); retries back off exponentially. */
  maxAttempts?: number;
  runAt?: Date;
  /** Jobs of one queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
}

/** A job to add: a task name with that task's payload. */
export type JobToAdd = {
  [N in JobName]: { name: N; payload: JobPayloads[N]; options?: EnqueueOptions };
}[JobName];

/**
 * Adds jobs inside the caller's transaction (the transactional outbox): they exist exactly when
 * the write that causes them commits, so a rollback leaves no job and a commit never loses one.
 * One statement for any number of jobs (`graphile_worker.add_jobs`).
 */
export async function enqueueJobs(
  trx: Transaction<Database>,
  jobs: readonly JobToAdd[],
): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map(({ name, payload, options = {} }) => ({
    identifier: name,
    payload,
    queue_name: options.queueName ?? null,
    run_at: options.runAt?.toISOString() ?? null,
    max_attempts: options.maxAttempts ?? null,
    job_key: options.jobKey ?? null,
    priority: options.priority ?? null,
    flags: null,
  }));
  await sql`
    select count(*) from graphile_worker.add_jobs(
      array(select s from json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json) s)
    )`.execute(trx);
}

/** Adds one job inside the caller's transaction (see enqueueJobs). */
export async function enqueue<N extends JobName>(
  trx: Transaction<Database>,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await enqueueJobs(trx, [{ name, payload, options } as JobToAdd]);
}

/** Drops the waiting job with this key in the caller's transaction (one running finishes). */
export async function removeQueuedJob(trx: Transaction<Database>, jobKey: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${jobKey})`.execute(trx);
}
