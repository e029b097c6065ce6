import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { OutboxStatus } from "../../jobs/outbox.entity";

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
