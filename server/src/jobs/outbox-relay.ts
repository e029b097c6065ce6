import type { Queue } from "bullmq";
import type { Logger } from "pino";
import { In, LessThan, MoreThan, type DataSource } from "typeorm";
import { bullJobId, jobOptions, type Retention } from "./bullmq-options";
import { claimDue, markDispatched, releaseClaim } from "./outbox-store";
import { OutboxEntity } from "./outbox.entity";
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
  /**
   * How often dispatched rows are checked against Redis (and right after an outage): a row whose BullMQ job
   * is gone (Redis restarted without persistence, failed over, flushed) is offered again. 0: never.
   */
  reconcileMs?: number;
  /** A dispatched row is re-offered only when its last change is older than this (a run may be finishing). */
  reconcileGraceMs?: number;
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
  private lastReconcile = Date.now();

  constructor(private readonly options: OutboxRelayOptions) {
    this.batch = options.batch ?? 200;
  }

  start(): void {
    const loop = async () => {
      this.timer = null;
      let delay = this.options.pollMs;
      try {
        const moved = await this.tick();
        const recovered = this.failures > 0;
        if (recovered) {
          this.options.logger.info({ failedAttempts: this.failures }, "outbox relay: Redis reachable again, relaying resumed");
          this.failures = 0;
        }
        const every = this.options.reconcileMs ?? 0;
        if (every > 0 && (recovered || Date.now() - this.lastReconcile >= every)) {
          this.lastReconcile = Date.now();
          const reoffered = await this.reconcile();
          if (reoffered > 0) {
            this.options.logger.warn({ reoffered }, "outbox relay: dispatched jobs missing from Redis were offered again");
          }
        }
        delay = moved === this.batch ? 0 : this.options.pollMs;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1) {
          this.options.logger.warn({ err: error }, "outbox relay: cannot hand jobs to Redis; they stay in the outbox and are retried");
        } else if (this.failures % 100 === 0) {
          this.options.logger.warn({ failedAttempts: this.failures, err: error }, "outbox relay: Redis still unreachable");
        }
        // Asking the connection's state costs nothing: poll it at the usual pace, so relaying resumes as soon as
        // Redis is back (a backoff grown over a long outage left jobs waiting up to 30 s after it). A failed add
        // (a claim made and given back) backs off.
        delay = error instanceof RedisUnreachableError ? this.options.pollMs : Math.min(this.options.pollMs * 2 ** Math.min(this.failures, 10), MAX_IDLE_MS);
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

  /**
   * Offers again the dispatched rows whose BullMQ job no longer exists: Redis without persistence (or a
   * failover, a flush) loses jobs the outbox already counts as handed over, and nothing else would ever
   * run them. A row whose run finished meanwhile is not touched (its status is no longer dispatched);
   * the worker skips a job whose row is already settled. Returns how many rows were offered again.
   */
  async reconcile(now = new Date()): Promise<number> {
    const { dataSource, queueFor } = this.options;
    const before = new Date(now.getTime() - (this.options.reconcileGraceMs ?? 30_000));
    const repo = dataSource.getRepository(OutboxEntity);
    let afterId = 0;
    let reoffered = 0;
    for (;;) {
      const rows = await repo.find({
        select: { id: true, queue: true, jobId: true },
        where: { status: "dispatched", updatedAt: LessThan(before), id: MoreThan(afterId) },
        order: { id: "ASC" },
        take: this.batch,
      });
      if (rows.length === 0) {
        return reoffered;
      }
      afterId = rows[rows.length - 1]!.id;
      const found = await withTimeout(Promise.all(rows.map((row) => queueFor(row.queue).getJob(bullJobId(row.jobId)))), this.options.addTimeoutMs ?? 5_000);
      const missing = rows.filter((_, i) => !found[i]).map((row) => row.id);
      if (missing.length > 0) {
        const result = await repo.update({ id: In(missing), status: "dispatched", updatedAt: LessThan(before) }, { status: "pending", availableAt: now, updatedAt: now });
        reoffered += result.affected ?? 0;
      }
    }
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
      throw new RedisUnreachableError();
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

/** The relay's Redis connection is down (redisReady): nothing was claimed. */
class RedisUnreachableError extends Error {
  constructor() {
    super("Redis is unreachable");
    this.name = "RedisUnreachableError";
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
