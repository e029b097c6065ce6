import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import type { JobResult } from "./job-handler";
import { runJob, type JobHandlers } from "./job-registry";
import { claimDue, recordRun, releaseClaim } from "./outbox-store";
import type { OutboxEntity } from "./outbox.entity";
import { decideAfterFailure, errorMessage, retryPolicyOf, type RetryPolicy } from "./retry-policy";

export interface OutboxRunnerOptions {
  dataSource: DataSource;
  config: Env;
  logger: Logger;
  handlers: JobHandlers;
  policy?: RetryPolicy;
  /** A claimed row is due again after this long if the process dies while running it. */
  leaseMs?: number;
}

/**
 * The embedded default (no REDIS_URL): the API process runs the jobs itself, straight from the outbox,
 * with the same retry rules as the BullMQ worker. Attempts and the next run (`available_at`) live in
 * the row, so a restart resumes where it stopped.
 */
export class OutboxRunner {
  private readonly policy: RetryPolicy;
  private readonly leaseMs: number;
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: OutboxRunnerOptions) {
    this.policy = options.policy ?? retryPolicyOf(options.config);
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  /** Polls every OUTBOX_POLL_MS until `stop()`. */
  start(): void {
    const loop = async () => {
      this.timer = null;
      try {
        await this.tick();
      } catch (error) {
        this.options.logger.error({ err: error }, "outbox runner: polling failed");
      }
      if (!this.shutdown.signal.aborted) {
        this.timer = setTimeout(() => void loop(), this.options.config.OUTBOX_POLL_MS);
      }
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  /** Runs the due jobs once (up to JOB_CONCURRENCY at a time); returns how many ran. */
  tick(): Promise<number> {
    if (this.shutdown.signal.aborted) {
      return Promise.resolve(0);
    }
    this.running ??= this.runDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops polling, aborts the running handlers and waits for them: an interrupted job is released, not counted. */
  async stop(): Promise<void> {
    this.shutdown.abort();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running?.catch(() => undefined);
  }

  private async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const rows = await claimDue(this.options.dataSource, { limit: this.options.config.JOB_CONCURRENCY, leaseMs: this.leaseMs, countAttempt: true });
      if (rows.length === 0 || this.shutdown.signal.aborted) {
        await releaseClaim(this.options.dataSource, rows.map((row) => row.id), new Date(), true);
        return ran;
      }
      await Promise.all(rows.map((row) => this.runOne(row)));
      ran += rows.length;
    }
  }

  private async runOne(row: OutboxEntity): Promise<void> {
    const { dataSource, config, logger, handlers } = this.options;
    const log = logger.child({ jobId: row.jobId, attempt: row.attempts });
    let result: JobResult;
    try {
      result = await runJob(handlers, row.jobName, row.payload, { dataSource, config, logger: log, attempt: row.attempts, signal: this.shutdown.signal });
    } catch (error) {
      if (this.shutdown.signal.aborted) {
        log.info("job interrupted by shutdown; released for the next start");
        await releaseClaim(dataSource, [row.id], new Date(), true);
        return;
      }
      const decision = decideAfterFailure(this.policy, row.attempts, error);
      if (decision.kind === "fail") {
        log.warn({ err: error }, "job failed");
        await recordRun(dataSource, row.jobId, { status: "failed", attempts: row.attempts, lastError: decision.message, detail: decision.detail }, ["pending"]);
        return;
      }
      log.info({ error: errorMessage(error), retryInMs: decision.delayMs }, "job attempt failed; retrying");
      await recordRun(dataSource, row.jobId, { status: "pending", attempts: row.attempts, lastError: decision.message, availableAt: new Date(Date.now() + decision.delayMs) }, ["pending"]);
      return;
    }
    await recordRun(
      dataSource,
      row.jobId,
      result.status === "done" ? { status: "done", attempts: row.attempts, lastError: null, detail: null } : { status: "skipped", attempts: row.attempts, lastError: null, detail: result.reason },
      ["pending"],
    );
  }
}
