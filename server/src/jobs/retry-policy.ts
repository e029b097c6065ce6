import type { Env } from "../config/env";
import { PermanentJobError, RetryableJobError } from "./job-handler";

/** How often and how patiently a failing job is retried; the same rules for BullMQ and the in-process runner. */
export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** Wait before the first retry; doubles per attempt. */
  backoffMs: number;
  maxBackoffMs: number;
}

export function retryPolicyOf(config: Pick<Env, "JOB_ATTEMPTS" | "JOB_BACKOFF_MS" | "JOB_MAX_BACKOFF_MS">): RetryPolicy {
  return { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS, maxBackoffMs: Math.max(config.JOB_MAX_BACKOFF_MS, config.JOB_BACKOFF_MS) };
}

/**
 * Wait before the next run after `attemptsMade` failed runs (1 after the first failure): exponential,
 * capped, and never shorter than the service asked for (a 429's Retry-After, which may exceed the cap).
 */
export function backoffDelay(policy: RetryPolicy, attemptsMade: number, retryAfterMs?: number): number {
  const exponent = Math.max(0, Math.min(attemptsMade - 1, 30));
  const exponential = Math.min(policy.backoffMs * 2 ** exponent, policy.maxBackoffMs);
  return Math.max(exponential, retryAfterMs ?? 0);
}

/** What happens after a run that threw. */
export type FailureDecision =
  | { kind: "retry"; delayMs: number; message: string }
  | { kind: "fail"; message: string; detail: string | null };

/** Permanent errors and the last allowed attempt fail the job; anything else is retried after the backoff. */
export function decideAfterFailure(policy: RetryPolicy, attemptsMade: number, error: unknown): FailureDecision {
  const message = errorMessage(error);
  if (error instanceof PermanentJobError) {
    return { kind: "fail", message, detail: error.detail ?? null };
  }
  if (attemptsMade >= policy.attempts) {
    return { kind: "fail", message, detail: null };
  }
  const retryAfterMs = error instanceof RetryableJobError ? error.retryAfterMs : undefined;
  return { kind: "retry", delayMs: backoffDelay(policy, attemptsMade, retryAfterMs), message };
}

/** An error as one line for the outbox row and the admin list (bounded: rows are TEXT but screens are not). */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}
