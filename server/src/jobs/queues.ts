import type { EntityManager } from "typeorm";
import { insertValues } from "../db/raw-insert";

/** Queue names: one place, shared by the writers of the outbox, the relay and the workers. */
export const QUEUES = { respondio: "respondio" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names per queue. */
export const JOBS = { respondioAddProspect: "respondio_add_prospect" } as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Payload of `respondio_add_prospect`: the prospect to push to Respond.io. */
export interface RespondioAddProspectPayload {
  prospectId: number;
}

/** Deterministic job id: re-enqueuing the same prospect collapses into one job. */
export function respondioAddProspectJobId(prospectId: number): string {
  return `${JOBS.respondioAddProspect}:${prospectId}`;
}

/** One job to write into the outbox, inside the transaction of the change that causes it. */
export interface OutboxJob {
  queue: QueueName;
  jobName: JobName;
  jobId: string;
  payload: Record<string, unknown>;
}

const OUTBOX_COLUMNS = ["queue", "job_name", "job_id", "payload", "status", "attempts", "available_at", "created_at"];
const OUTBOX_ROWS_PER_INSERT = 200;

/** Writes jobs to the outbox with the caller's transaction manager; the relay picks them up after commit. */
export async function writeOutbox(manager: EntityManager, jobs: readonly OutboxJob[]): Promise<void> {
  if (jobs.length === 0) {
    return;
  }
  const now = new Date();
  // Plain multi-row INSERTs (payload as simple-json stores it): TypeORM's insert builder cost
  // ~8 KB of garbage per row, the bulk of a 100,000-row import commit's heap growth.
  for (let start = 0; start < jobs.length; start += OUTBOX_ROWS_PER_INSERT) {
    const rows = jobs.slice(start, start + OUTBOX_ROWS_PER_INSERT).map((job) => [job.queue, job.jobName, job.jobId, JSON.stringify(job.payload), "pending", 0, now, now]);
    await insertValues(manager, "outbox", OUTBOX_COLUMNS, rows);
  }
}

/** The outbox job announcing a new prospect to Respond.io. */
export function respondioAddProspectJob(prospectId: number): OutboxJob {
  const payload: RespondioAddProspectPayload = { prospectId };
  return { queue: QUEUES.respondio, jobName: JOBS.respondioAddProspect, jobId: respondioAddProspectJobId(prospectId), payload: { ...payload } };
}
