/** The transactional outbox: side effects become jobs added in the transaction that causes them. */
export { EMAIL_MAX_ATTEMPTS, type QueuedEmail, queueEmail, queueEmails } from "./email";
export {
  type EnqueueOptions,
  enqueue,
  enqueueJobs,
  type JobName,
  type JobPayloads,
  removeQueuedJob,
} from "./jobs";
