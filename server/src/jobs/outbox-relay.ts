import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { bullJobId, jobOptions, type Retention } from "./bullmq-options";
import { claimDue, markDispatched, releaseClaim } from "./outbox-store";
import type { OutboxEntity } from "./outbox.entity";
import type { RetryPolicy } from "./retry-policy";

export interface OutboxRelayOptions {
  dataSource: DataSource;
  logger: Logger;
  /** The BullMQ queue of a queue name (created with enableOfflineQueue: false, so an unreachable Redis fails fast). */
  queueFor(name: string): Queue;
  policy: RetryPolicy;
  retention: Retention;
  pollMs: number;
  batch?: number;
  /** A relay that dies between claiming and marking lets its rows come back after this long. */
  leaseMs?: number;
  /** Longest wait for Redis to take a batch before the rows are given back. */
  addTimeoutMs?: number;
  /** Whether Redis is connected now: while it is not, no row is claimed (and no add is left waiting for it). */
  redisReady?: () => boolean;
}

/** Pause before re-adding an admin-retried row whose previous BullMQ job is still active. */
const RETRY_WHILE_ACTIVE_MS = 500;

/** Longest pause between attempts while Redis is unreachable. */
const MAX_IDLE_MS = 30_000;

/**
 * Moves due outbox rows to BullMQ (worker process). Several relays may run at once: each claims its
 * own rows (outbox-store.claimDue), and the row's deterministic jobId collapses any re-add. While Redis
 * is unreachable the rows stay pending and the relay retries with a growing pause, logging the outage
 * once and the recovery once.
 */
export class OutboxRelay {
  private readonly batch: number;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batch = options.batch ?? 200;
  }

  start(): void {
    const loop = async () => {
      this.timer = null;
      let delay = this.options.pollMs;
      try {
        const moved = await this.tick();
        if (this.failures > 0) {
          this.options.logger.info({ failedAttempts: this.failures }, "outbox relay: Redis reachable again, relaying resumed");
          this.failures = 0;
        }
        delay = moved === this.batch ? 0 : this.options.pollMs;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1) {
          this.options.logger.warn({ err: error }, "outbox relay: cannot hand jobs to Redis; they stay in the outbox and are retried");
        } else if (this.failures % 100 === 0) {
          this.options.logger.warn({ failedAttempts: this.failures, err: error }, "outbox relay: Redis still unreachable");
        }
        delay = Math.min(this.options.pollMs * 2 ** Math.min(this.failures, 10), MAX_IDLE_MS);
      }
      if (!this.stopped) {
        this.timer = setTimeout(() => void loop(), delay);
      }
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  /** Moves one batch of due rows; returns how many. Throws (rows given back) when Redis does not take them. */
  tick(): Promise<number> {
    this.running ??= this.relayBatch().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running?.catch(() => undefined);
  }

  private async relayBatch(): Promise<number> {
    const { dataSource, redisReady } = this.options;
    if (redisReady && !redisReady()) {
      throw new Error("Redis is unreachable");
    }
    const rows = await claimDue(dataSource, { limit: this.batch, leaseMs: this.options.leaseMs ?? 60_000, countAttempt: false });
    if (rows.length === 0) {
      return 0;
    }
    const ids = rows.map((row) => row.id);
    let deferred: number[];
    try {
      deferred = await withTimeout(this.enqueue(rows), this.options.addTimeoutMs ?? 5_000);
    } catch (error) {
      await releaseClaim(dataSource, ids, new Date());
      throw error;
    }
    await markDispatched(dataSource, ids.filter((id) => !deferred.includes(id)));
    await releaseClaim(dataSource, deferred, new Date(Date.now() + RETRY_WHILE_ACTIVE_MS));
    return rows.length;
  }

  /** Adds the rows' jobs; returns the ids of rows to try again shortly (their previous job is still finishing). */
  private async enqueue(rows: OutboxEntity[]): Promise<number[]> {
    const deferred: number[] = [];
    const options = jobOptions(this.options.policy, this.options.retention);
    const byQueue = new Map<string, OutboxEntity[]>();
    for (const row of rows) {
      byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    }
    for (const [name, queued] of byQueue) {
      const queue = this.options.queueFor(name);
      // A row dispatched before is an admin retry: its finished job still holds the jobId and would swallow the add.
      // An active one may be about to fail (its outcome is written just before BullMQ moves it): ask again shortly.
      for (const row of queued.filter((r) => r.dispatchedAt !== null)) {
        const previous = await queue.getJob(bullJobId(row.jobId));
        const state = previous ? await previous.getState() : null;
        if (previous && (state === "failed" || state === "completed")) {
          await previous.remove();
        } else if (state === "active") {
          deferred.push(row.id);
        }
      }
      const adding = queued.filter((row) => !deferred.includes(row.id));
      await queue.addBulk(adding.map((row) => ({ name: row.jobName, data: row.payload, opts: { ...options, jobId: bullJobId(row.jobId) } })));
    }
    return deferred;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
