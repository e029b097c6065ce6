import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Env } from "../config/env";

/** What a job handler gets besides its payload: shared plumbing and the attempt it is on. */
export interface JobContext {
  dataSource: DataSource;
  config: Env;
  logger: Logger;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when the process shuts down: a handler stops between steps and the job is retried later. */
  signal: AbortSignal;
}

/** How a job ended when it did not throw. */
export type JobResult = { status: "done" } | { status: "skipped"; reason: string };

/**
 * One job's work. Throwing `PermanentJobError` fails the job for good (bad data: recorded, not retried);
 * throwing anything else retries it with backoff, after `RetryableJobError.retryAfterMs` when given.
 */
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<JobResult>;

/** A failure worth retrying (rate limit, 5xx, network, timeout). */
export class RetryableJobError extends Error {
  constructor(
    message: string,
    /** Wait at least this long before the next attempt (e.g. a 429's Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableJobError";
  }
}

/** A failure that retrying cannot fix (4xx: bad data, bad token); `detail` keeps the response for the admin. */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "PermanentJobError";
  }
}
