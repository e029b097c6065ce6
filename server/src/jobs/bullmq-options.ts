import type { BackoffStrategy, JobsOptions } from "bullmq";
import type { RedisOptions } from "bullmq";
import type { Env } from "../config/env";
import { RetryableJobError } from "./job-handler";
import { backoffDelay, type RetryPolicy } from "./retry-policy";

/** The backoff type our jobs are added with; the worker's strategy implements it. */
export const BACKOFF_TYPE = "crm-exponential";

/** How many finished jobs Redis keeps per queue, and for how long (seconds). */
export interface Retention {
  completed: { count: number; age: number };
  failed: { count: number; age: number };
}

export function retentionOf(config: Pick<Env, "JOB_KEEP_COMPLETED" | "JOB_KEEP_FAILED">): Retention {
  return { completed: { count: config.JOB_KEEP_COMPLETED, age: 24 * 3600 }, failed: { count: config.JOB_KEEP_FAILED, age: 14 * 24 * 3600 } };
}

/** Options of every job the relay adds (the jobId comes from the outbox row). */
export function jobOptions(policy: RetryPolicy, retention: Retention): JobsOptions {
  return { attempts: policy.attempts, backoff: { type: BACKOFF_TYPE }, removeOnComplete: retention.completed, removeOnFail: retention.failed };
}

/** The worker's backoff: the retry policy's exponential delay, never shorter than a RetryableJobError's retryAfterMs. */
export function backoffStrategy(policy: RetryPolicy): BackoffStrategy {
  return (attemptsMade, _type, error) => backoffDelay(policy, attemptsMade, error instanceof RetryableJobError ? error.retryAfterMs : undefined);
}

/** ioredis options from REDIS_URL (redis://[user:pass@]host:port[/db], rediss:// for TLS). */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

/** BullMQ refuses ':' in custom job ids (its key separator): the outbox's `name:id` becomes `name|id` in Redis. */
export function bullJobId(outboxJobId: string): string {
  return outboxJobId.replaceAll(":", "|");
}

/** The outbox job id of a BullMQ job id (inverse of bullJobId). */
export function outboxJobIdOf(bullId: string): string {
  return bullId.replaceAll("|", ":");
}
