import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import type { OutboxEntity, OutboxStatus } from "../../jobs/outbox.entity";

export enum RespondioSyncStatus {
  PENDING = "PENDING",
  SYNCED = "SYNCED",
  FAILED = "FAILED",
  SKIPPED = "SKIPPED",
}
registerEnumType(RespondioSyncStatus, {
  name: "RespondioSyncStatus",
  description: "PENDING: waiting or retrying; SYNCED: sent to Respond.io; FAILED: gave up (see lastError, an admin can retry); SKIPPED: nothing sent (see lastError, e.g. not configured)",
});

/** The sync state a job's outbox row stands for. */
export function syncStatusOf(status: OutboxStatus): RespondioSyncStatus {
  switch (status) {
    case "done":
      return RespondioSyncStatus.SYNCED;
    case "failed":
      return RespondioSyncStatus.FAILED;
    case "skipped":
      return RespondioSyncStatus.SKIPPED;
    default:
      return RespondioSyncStatus.PENDING;
  }
}

@ObjectType({ description: "Where the prospect's push to Respond.io (lead sync) stands" })
export class RespondioSync {
  @Field(() => RespondioSyncStatus) status!: RespondioSyncStatus;
  @Field(() => Int, { description: "Attempts made so far" }) attempts!: number;
  @Field(() => String, { nullable: true, description: "Why the last attempt failed, or why it was skipped" }) lastError!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

export enum BackgroundJobStatus {
  PENDING = "pending",
  DISPATCHED = "dispatched",
  DONE = "done",
  SKIPPED = "skipped",
  FAILED = "failed",
}
registerEnumType(BackgroundJobStatus, {
  name: "BackgroundJobStatus",
  description: "PENDING: waiting to run (or for a retry); DISPATCHED: in the BullMQ queue; DONE; SKIPPED: nothing to do; FAILED: out of attempts or permanent error",
});

@ObjectType({ description: "Admin: one background job (an outbox row) and how it ended" })
export class BackgroundJob {
  @Field(() => ID) id!: string;
  @Field(() => String) queue!: string;
  @Field(() => String, { description: "e.g. respondio_add_prospect" }) jobName!: string;
  @Field(() => BackgroundJobStatus) status!: BackgroundJobStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => String, { nullable: true, description: "The response behind a permanent failure, or why the job was skipped" }) detail!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { description: "Last change of status or attempts" }) updatedAt!: Date;
}

@ObjectType()
export class BackgroundJobEdge {
  @Field(() => String) cursor!: string;
  @Field(() => BackgroundJob) node!: OutboxEntity;
}

@ObjectType({ description: "Failed jobs, most recently failed first" })
export class BackgroundJobConnection {
  @Field(() => [BackgroundJobEdge]) edges!: BackgroundJobEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class RetryJobInput {
  @Field(() => ID, { description: "A failed BackgroundJob's id" }) jobId!: string;
}

@ObjectType()
export class RetryFailedJobsPayload {
  @Field(() => Int, { description: "How many failed jobs were put back to run" }) count!: number;
}
