import { DelayedError, Job, QueueEvents, UnrecoverableError, Worker } from "bullmq";
import type { RedisOptions } from "bullmq";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import { backoffStrategy, outboxJobIdOf } from "./bullmq-options";
import { PermanentJobError, type JobResult } from "./job-handler";
import { runJob, type JobHandlers } from "./job-registry";
import { markRunning, recordRun } from "./outbox-store";
import { OutboxEntity, type OutboxStatus } from "./outbox.entity";
import { QUEUES } from "./queues";
import { decideAfterFailure, errorMessage, type RetryPolicy } from "./retry-policy";

/** Outbox statuses after which a delivery of the same job must not run it again (an admin retry resets to pending first). */
const SETTLED: readonly OutboxStatus[] = ["done", "skipped", "failed"];

/** The row's status when its run already ended; null while it is still to run (or has no row). */
async function settledStatus(dataSource: DataSource, jobId: string): Promise<OutboxStatus | null> {
  const row = await dataSource.getRepository(OutboxEntity).findOne({ select: { id: true, status: true }, where: { jobId } });
  return row && SETTLED.includes(row.status) ? row.status : null;
}

/** BullMQ's failedReason for a job stalled more than maxStalledCount times (moveStalledJobsToWait). */
const STALLED_TOO_OFTEN = "stalled more than allowable limit";

export interface JobWorkersOptions {
  dataSource: DataSource;
  config: Env;
  logger: Logger;
  handlers: JobHandlers;
  redis: RedisOptions;
  policy: RetryPolicy;
  /** Stalls (a worker died holding the job) tolerated before BullMQ fails the job; default 2. */
  maxStalledCount?: number;
}

/**
 * The BullMQ workers of every queue (worker process). Each run's outcome is written to the job's outbox
 * row (the prospect's sync state); a job failed by BullMQ itself (stalled too often) is recorded from the
 * queue's events. Retries follow the same RetryPolicy as the in-process runner.
 */
export class JobWorkers {
  private readonly workers: Worker[] = [];
  private readonly events: QueueEvents[] = [];
  private readonly running = new Set<AbortController>();

  constructor(private readonly options: JobWorkersOptions) {}

  start(): void {
    const { config, redis, policy } = this.options;
    for (const name of Object.values(QUEUES)) {
      const worker = new Worker(name, (job, token) => this.process(job, token), {
        connection: { ...redis, maxRetriesPerRequest: null },
        concurrency: config.JOB_CONCURRENCY,
        // A worker that dies keeps its lock until it expires; the stalled check then hands the job to another run.
        lockDuration: config.JOB_LOCK_MS,
        stalledInterval: config.JOB_LOCK_MS,
        maxStalledCount: this.options.maxStalledCount ?? 2,
        settings: { backoffStrategy: backoffStrategy(policy) },
      });
      worker.on("error", (err) => this.options.logger.warn({ err, queue: name }, "job worker: Redis error"));
      this.workers.push(worker);
      const events = new QueueEvents(name, { connection: { ...redis, maxRetriesPerRequest: null } });
      // The processor records the failures it decides; BullMQ fails a job by itself only for stalling too often.
      events.on("failed", ({ jobId, failedReason }) => {
        if (failedReason.includes(STALLED_TOO_OFTEN)) {
          void this.recordBullFailure(worker, jobId);
        }
      });
      events.on("error", () => undefined);
      this.events.push(events);
    }
  }

  /** Resolves when every worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await Promise.all([...this.workers.map((w) => w.waitUntilReady()), ...this.events.map((e) => e.waitUntilReady())]);
  }

  /**
   * Stops taking jobs; the running ones get JOB_SHUTDOWN_GRACE_MS to finish, then their handlers are aborted
   * and the jobs released to the queue without counting the attempt.
   */
  async close(): Promise<void> {
    const abort = setTimeout(() => this.running.forEach((controller) => controller.abort()), this.options.config.JOB_SHUTDOWN_GRACE_MS);
    try {
      await Promise.all(this.workers.map((worker) => worker.close()));
    } finally {
      clearTimeout(abort);
    }
    await Promise.all(this.events.map((events) => events.close()));
  }

  private async process(job: Job, token?: string): Promise<JobResult> {
    const { dataSource, config, logger, handlers, policy } = this.options;
    const jobId = outboxJobIdOf(String(job.id));
    const attempt = job.attemptsMade + 1;
    const log = logger.child({ jobId, attempt });
    const settled = await settledStatus(dataSource, jobId);
    if (settled) {
      // A second delivery of a job whose run already ended (Redis restarted with the finished job still
      // active in its AOF, or a re-offer raced the run): the outbox row is the truth, nothing runs twice.
      log.info({ status: settled }, "job already settled in the outbox; not run again");
      return { status: "skipped", reason: `already ${settled}` };
    }
    const controller = new AbortController();
    this.running.add(controller);
    // While this run lasts the relay must not take its job for lost (Redis restarted empty under it).
    await markRunning(dataSource, jobId);
    const heartbeat = setInterval(() => void markRunning(dataSource, jobId).catch((err: unknown) => log.warn({ err }, "could not mark the job's run in the outbox")), Math.max(100, Math.floor(config.JOB_LOCK_MS / 2)));
    try {
      const result = await runJob(handlers, job.name, job.data as Record<string, unknown>, { dataSource, config, logger: log, attempt, signal: controller.signal });
      await recordRun(dataSource, jobId, result.status === "done" ? { status: "done", attempts: attempt, lastError: null, detail: null } : { status: "skipped", attempts: attempt, lastError: null, detail: result.reason });
      return result;
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof PermanentJobError)) {
        // Shutdown: hand the job back untouched; the next worker runs it as the same attempt.
        log.info("job interrupted by shutdown; released to the queue");
        await job.moveToWait(token);
        throw new DelayedError("released on shutdown");
      }
      const decision = decideAfterFailure({ ...policy, attempts: job.opts.attempts ?? policy.attempts }, attempt, error);
      if (decision.kind === "fail") {
        log.warn({ err: error }, "job failed");
        await recordRun(dataSource, jobId, { status: "failed", attempts: attempt, lastError: decision.message, detail: decision.detail });
        throw error instanceof PermanentJobError ? new UnrecoverableError(decision.message) : error;
      }
      log.info({ error: errorMessage(error), retryInMs: decision.delayMs }, "job attempt failed; retrying");
      await recordRun(dataSource, jobId, { status: "dispatched", attempts: attempt, lastError: decision.message });
      throw error;
    } finally {
      clearInterval(heartbeat);
      this.running.delete(controller);
    }
  }

  /** A job BullMQ failed without our processor deciding it (e.g. stalled more than allowed) still ends as failed in the outbox. */
  private async recordBullFailure(worker: Worker, bullId: string): Promise<void> {
    const jobId = outboxJobIdOf(bullId);
    try {
      // Events arrive late: by now an admin retry may have replaced the job, so only a job still failed counts.
      const job = await Job.fromId(worker, bullId);
      if (!job || (await job.getState()) !== "failed") {
        return;
      }
      const row: Array<{ attempts: number }> = await this.options.dataSource.query("SELECT attempts FROM outbox WHERE job_id = ? AND status = 'dispatched'", [jobId]);
      if (row.length > 0) {
        await recordRun(this.options.dataSource, jobId, { status: "failed", attempts: Number(row[0]!.attempts), lastError: job.failedReason }, ["dispatched"]);
      }
    } catch (err) {
      this.options.logger.error({ err, jobId }, "job worker: could not record a failed job in the outbox");
    }
  }
}
