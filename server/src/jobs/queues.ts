import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { OutboxEntity } from "./outbox.entity";

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

/** Writes jobs to the outbox with the caller's transaction manager; the relay picks them up after commit. */
export async function writeOutbox(manager: EntityManager, jobs: readonly OutboxJob[]): Promise<void> {
  if (jobs.length === 0) {
    return;
  }
  const now = new Date();
  const repo = manager.getRepository(OutboxEntity);
  const rows = jobs.map((job) => repo.create({ ...job, status: "pending", attempts: 0, availableAt: now, createdAt: now }));
  // simple-json payloads defeat QueryDeepPartialEntity's typing; the rows are whole entities.
  await repo.createQueryBuilder().insert().values(rows as QueryDeepPartialEntity<OutboxEntity>[]).updateEntity(false).execute();
}

/** The outbox job announcing a new prospect to Respond.io. */
export function respondioAddProspectJob(prospectId: number): OutboxJob {
  const payload: RespondioAddProspectPayload = { prospectId };
  return { queue: QUEUES.respondio, jobName: JOBS.respondioAddProspect, jobId: respondioAddProspectJobId(prospectId), payload: { ...payload } };
}
