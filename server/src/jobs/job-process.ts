import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import { redisOptions, retentionOf } from "./bullmq-options";
import type { JobHandlers } from "./job-registry";
import { JobWorkers } from "./job-workers";
import { OutboxRelay } from "./outbox-relay";
import { retryPolicyOf } from "./retry-policy";

export interface JobProcess {
  relay: OutboxRelay;
  workers: JobWorkers;
  /** Stops the relay, then the workers (graceful: see JobWorkers.close), then the queues' connections. */
  stop(): Promise<void>;
}

/** The relay and the workers of the worker process, on REDIS_URL. */
export function startJobProcess(deps: { config: Env; dataSource: DataSource; logger: Logger; handlers: JobHandlers }): JobProcess {
  const { config, dataSource, logger, handlers } = deps;
  if (!config.REDIS_URL) {
    throw new Error("REDIS_URL is required to run BullMQ workers");
  }
  const redis = redisOptions(config.REDIS_URL);
  const policy = retryPolicyOf(config);
  const queues = new Map<string, Queue>();
  const queueFor = (name: string): Queue => {
    let queue = queues.get(name);
    if (!queue) {
      // No offline queue: while Redis is down an add fails at once and the row stays in the outbox.
      queue = new Queue(name, { connection: { ...redis, enableOfflineQueue: false } });
      queue.on("error", () => undefined);
      queues.set(name, queue);
    }
    return queue;
  };
  // Tells the relay whether Redis is up, so an outage neither churns claims nor leaves adds queued for later.
  const probe = new Redis({ ...redis, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 200, 5_000) });
  probe.on("error", () => undefined);
  const relay = new OutboxRelay({
    dataSource,
    logger,
    queueFor,
    policy,
    retention: retentionOf(config),
    pollMs: config.OUTBOX_POLL_MS,
    redisReady: () => probe.status === "ready",
    // Jobs lost by Redis (no persistence, failover) are found by their dispatched rows; a row younger than a
    // job lock may belong to a run still finishing.
    reconcileMs: config.JOB_LOCK_MS * 2,
    reconcileGraceMs: config.JOB_LOCK_MS,
  });
  const workers = new JobWorkers({ dataSource, config, logger, handlers, redis, policy });
  workers.start();
  relay.start();
  return {
    relay,
    workers,
    stop: async () => {
      await relay.stop();
      await workers.close();
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      probe.disconnect();
    },
  };
}
