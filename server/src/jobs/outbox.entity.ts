import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * pending: waiting to run (or to be handed to BullMQ); dispatched: in BullMQ; done / skipped / failed: the
 * outcome of the last run (skipped: nothing to do, e.g. Respond.io not configured; failed: out of attempts or
 * permanent). An admin retry puts a failed row back to pending.
 */
export type OutboxStatus = "pending" | "dispatched" | "done" | "skipped" | "failed";

/** A job written in the same transaction as the change that causes it. */
@Entity({ name: "outbox" })
@Index("idx_outbox_status_available", ["status", "availableAt"])
@Index("uq_outbox_job_id", ["jobId"], { unique: true })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 64 })
  queue!: string;

  @Column({ name: "job_name", type: "varchar", length: 64 })
  jobName!: string;

  /** Deterministic, e.g. `respondio_add_prospect:42`, so duplicates collapse. */
  @Column({ name: "job_id", type: "varchar", length: 191 })
  jobId!: string;

  @Column({ type: "simple-json" })
  payload!: Record<string, unknown>;

  @Column({ type: "varchar", length: 16, default: "pending" })
  status!: OutboxStatus;

  @Column({ type: "int", default: 0 })
  attempts!: number;

  @Column({ name: "available_at", type: "datetime" })
  availableAt!: Date;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @Column({ name: "dispatched_at", type: "datetime", nullable: true })
  dispatchedAt!: Date | null;

  /** Last change of status or attempts (set by the relay and the runners), or a running job's heartbeat (markRunning). */
  @Column({ name: "updated_at", type: "datetime", nullable: true })
  updatedAt!: Date | null;

  /** Why it was skipped, or the response behind a permanent failure (kept for the admin). */
  @Column({ type: "text", nullable: true })
  detail!: string | null;
}
