/**
 * Meilisearch's task queue: writes answer 202 with an enqueued task, and tasks run one at a time,
 * `enqueued` then `processing` then `succeeded` or `failed`, each step a few milliseconds apart,
 * so a client has to poll `GET /tasks/:uid` as it would against the real server.
 */
import type { MeiliErrorBody } from "./errors";

export type TaskStatus = "enqueued" | "processing" | "succeeded" | "failed";

export interface Task {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  type: string;
  canceledBy: null;
  details: Record<string, unknown>;
  error: MeiliErrorBody | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Applies the task; returns an error body to fail it, or details to merge. */
export type TaskWork = () => MeiliErrorBody | { details: Record<string, unknown> } | null;

export class TaskQueue {
  private readonly tasks = new Map<number, Task>();
  private readonly pending: { task: Task; work: TaskWork }[] = [];
  private nextUid = 0;
  private running = false;
  private closed = false;

  /** @param stepMs delay before a task starts and before it finishes */
  constructor(
    private readonly stepMs: number,
    private readonly injectedFailure: (task: Task) => MeiliErrorBody | null,
  ) {}

  enqueue(type: string, indexUid: string | null, details: Record<string, unknown>, work: TaskWork) {
    const task: Task = {
      uid: this.nextUid++,
      batchUid: null,
      indexUid,
      status: "enqueued",
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    this.tasks.set(task.uid, task);
    this.pending.push({ task, work });
    this.kick();
    return { taskUid: task.uid, indexUid, status: task.status, type, enqueuedAt: task.enqueuedAt };
  }

  get(uid: number): Task | undefined {
    return this.tasks.get(uid);
  }

  close(): void {
    this.closed = true;
  }

  private kick(): void {
    if (this.running || this.closed) return;
    const next = this.pending.shift();
    if (!next) return;
    this.running = true;
    const { task, work } = next;
    setTimeout(() => {
      task.status = "processing";
      task.batchUid = task.uid;
      task.startedAt = new Date().toISOString();
      setTimeout(() => {
        const failure = this.injectedFailure(task);
        const outcome = failure ?? work();
        if (outcome !== null && "code" in outcome) {
          task.status = "failed";
          task.error = outcome;
        } else {
          task.status = "succeeded";
          if (outcome !== null) task.details = { ...task.details, ...outcome.details };
        }
        task.finishedAt = new Date().toISOString();
        task.duration = `PT${((Date.parse(task.finishedAt) - Date.parse(task.startedAt ?? task.finishedAt)) / 1000).toFixed(3)}S`;
        this.running = false;
        this.kick();
      }, this.stepMs);
    }, this.stepMs);
  }
}
