import { Queue, Worker } from "bullmq";
import pino from "pino";
import { parseEnv, type Env } from "../config/env";
import { openTestDatabase, testDialects, type TestDatabase } from "../../test/databases";
import { outboxRow, OwnRedis, seedJobs, testJob, until } from "../../test/job-fixtures";
import { bullJobId, redisOptions, retentionOf } from "./bullmq-options";
import { PermanentJobError, RetryableJobError, type JobHandler } from "./job-handler";
import { JobWorkers } from "./job-workers";
import { OutboxRelay } from "./outbox-relay";
import { requeueFailed } from "./outbox-store";
import { OutboxEntity } from "./outbox.entity";
import { JOBS, QUEUES } from "./queues";
import { retryPolicyOf } from "./retry-policy";
import { ownRedisAvailable } from "../../test/services";

// These suites start their own redis-server (never the shared one): gated on its binary.
const redisAvailable = ownRedisAvailable();
if (!redisAvailable) {
  process.stderr.write("\n#### No redis-server binary: the BullMQ relay/worker suite is SKIPPED (see the setup banner) ####\n");
}

/** Calls per job key; the behaviour of each key's n-th call comes from `script`. */
type Script = Record<string, Array<Error | "done">>;

(redisAvailable ? describe.each(testDialects()) : describe.skip.each(testDialects()))("Outbox relay and BullMQ workers on %s", (dialect) => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let config: Env;
  let queue: Queue;
  const logger = pino({ level: "silent" });
  const calls = new Map<string, number>();
  let script: Script = {};
  /** Keys whose run waits for the test (resolve to let it finish). */
  const holds = new Map<string, Promise<void>>();
  const handler: JobHandler = async (payload) => {
    const key = String(payload.key);
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    await holds.get(key);
    const step = script[key]?.[n - 1] ?? "done";
    if (step instanceof Error) {
      throw step;
    }
    return { status: "done" };
  };

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    redis = await OwnRedis.create();
    await redis.start();
    config = parseEnv({
      NODE_ENV: "test",
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      JOB_ATTEMPTS: "3",
      JOB_BACKOFF_MS: "10",
      JOB_MAX_BACKOFF_MS: "10",
      JOB_KEEP_COMPLETED: "5",
      JOB_KEEP_FAILED: "2",
      OUTBOX_POLL_MS: "20",
    });
    queue = new Queue(QUEUES.respondio, { connection: { ...redisOptions(redis.url), enableOfflineQueue: false } });
    queue.on("error", () => undefined);
  });

  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
    await db?.close();
  });

  beforeEach(async () => {
    await queue.obliterate({ force: true });
    await db.dataSource.getRepository(OutboxEntity).clear();
    calls.clear();
    script = {};
  });

  const relay = (overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) =>
    new OutboxRelay({ dataSource: db.dataSource, logger, queueFor: () => queue, policy: retryPolicyOf(config), retention: retentionOf(config), pollMs: 20, ...overrides });

  async function withWorkers(run: () => Promise<void>, options: { maxStalledCount?: number; config?: Env } = {}): Promise<void> {
    const workers = new JobWorkers({
      dataSource: db.dataSource,
      config: options.config ?? config,
      logger,
      handlers: { [JOBS.respondioAddProspect]: handler },
      redis: redisOptions(redis.url),
      policy: retryPolicyOf(config),
      maxStalledCount: options.maxStalledCount,
    });
    workers.start();
    try {
      await workers.ready();
      await run();
    } finally {
      await workers.close();
    }
  }

  const statusOf = async (jobId: string) => (await outboxRow(db.dataSource, jobId)).status;

  it("should enqueue each row exactly once when two relays run at the same time", async () => {
    const jobs = Array.from({ length: 240 }, (_, i) => testJob(`pair-${i}`));
    await seedJobs(db.dataSource, jobs);
    const added: string[] = [];
    const addBulk = queue.addBulk.bind(queue);
    const counting = Object.assign(Object.create(queue) as Queue, {
      addBulk: (list: Parameters<Queue["addBulk"]>[0]) => {
        added.push(...list.map((job) => String(job.opts?.jobId)));
        return addBulk(list);
      },
    });
    const [a, b] = [relay({ queueFor: () => counting, batch: 25 }), relay({ queueFor: () => counting, batch: 25 })];
    await until(
      async () => (await db.dataSource.getRepository(OutboxEntity).countBy({ status: "pending" })) === 0,
      () => Promise.all([a.tick(), b.tick()]),
    );
    expect(added).toHaveLength(240);
    expect(new Set(added).size).toBe(240);
    expect(await queue.getJobCountByTypes("waiting")).toBe(240);
    expect(await db.dataSource.getRepository(OutboxEntity).countBy({ status: "dispatched" })).toBe(240);
  });

  it("should keep rows pending while Redis is down and hand them over once it is back", async () => {
    const job = testJob("outage");
    await seedJobs(db.dataSource, [job]);
    await redis.stop();
    try {
      await expect(relay({ addTimeoutMs: 500 }).tick()).rejects.toThrow();
      expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "pending", dispatchedAt: null });
    } finally {
      await redis.start();
    }
    const r = relay();
    await until(async () => (await statusOf(job.jobId)) === "dispatched", () => r.tick().catch(() => 0));
    expect(await queue.getJob(bullJobId(job.jobId))).toBeDefined();
  });

  it("should offer again a dispatched row whose BullMQ job is gone (Redis restarted empty), and only that row", async () => {
    const [lost, kept] = [testJob("lost"), testJob("kept")];
    await seedJobs(db.dataSource, [lost, kept]);
    const r = relay();
    await until(async () => (await statusOf(lost.jobId)) === "dispatched" && (await statusOf(kept.jobId)) === "dispatched", () => r.tick());
    await (await queue.getJob(bullJobId(lost.jobId)))!.remove();
    // Within the grace the row may belong to a run still finishing: untouched.
    expect(await relay({ reconcileGraceMs: 60_000 }).reconcile()).toBe(0);
    // A second past the dispatch (MariaDB keeps whole seconds), without grace: offered again.
    expect(await relay({ reconcileGraceMs: 0 }).reconcile(new Date(Date.now() + 1_100))).toBe(1);
    expect(await outboxRow(db.dataSource, lost.jobId)).toMatchObject({ status: "pending" });
    expect(await outboxRow(db.dataSource, kept.jobId)).toMatchObject({ status: "dispatched" });
    await until(async () => (await statusOf(lost.jobId)) === "dispatched", () => r.tick());
    expect(await queue.getJob(bullJobId(lost.jobId))).toBeDefined();
  });

  it("should not offer again a job whose run is still going when Redis loses it (restarted empty under the run)", async () => {
    const job = testJob("running");
    let finish = () => undefined as void;
    holds.set("running", new Promise<void>((resolve) => (finish = resolve)));
    await seedJobs(db.dataSource, [job]);
    const r = relay();
    await until(async () => (await statusOf(job.jobId)) === "dispatched", () => r.tick());
    // Dispatched long ago (e.g. a retry after a long backoff): old enough for the re-offer by itself.
    await db.dataSource.getRepository(OutboxEntity).update({ jobId: job.jobId }, { updatedAt: new Date(Date.now() - 3_600_000) });
    await withWorkers(async () => {
      try {
        await until(async () => calls.get("running") === 1);
        // Redis forgets the job while its run goes on (what a restart without persistence does).
        await queue.obliterate({ force: true });
        expect(await queue.getJob(bullJobId(job.jobId))).toBeUndefined();
        expect(await relay({ reconcileGraceMs: 60_000 }).reconcile()).toBe(0);
      } finally {
        finish();
      }
      await until(async () => (await statusOf(job.jobId)) === "done");
    });
    expect(calls.get("running")).toBe(1);
  });

  it("should not run again a delivered job whose outbox row is already settled", async () => {
    const job = testJob("settled");
    await seedJobs(db.dataSource, [job]);
    await db.dataSource.getRepository(OutboxEntity).update({ jobId: job.jobId }, { status: "done", attempts: 1 });
    await queue.add(JOBS.respondioAddProspect, job.payload, { jobId: bullJobId(job.jobId) });
    await withWorkers(async () => {
      await until(async () => (await queue.getJob(bullJobId(job.jobId)))?.finishedOn !== undefined);
    });
    expect(calls.get("settled")).toBeUndefined();
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("should retry with backoff, fail permanent errors at once and record every outcome in the outbox", async () => {
    script = {
      flaky: [new RetryableJobError("HTTP 503"), new Error("ECONNRESET"), "done"],
      broken: [new PermanentJobError("HTTP 400", '{"message":"bad email"}')],
      down: [1, 2, 3].map((i) => new RetryableJobError(`HTTP 500 #${i}`)),
    };
    const jobs = ["flaky", "broken", "down", "fine"].map((key) => testJob(key));
    await seedJobs(db.dataSource, jobs);
    const r = relay();
    await withWorkers(() => until(async () => (await Promise.all(jobs.map((j) => statusOf(j.jobId)))).every((s) => s === "done" || s === "failed"), () => r.tick()));
    expect(await outboxRow(db.dataSource, jobs[0]!.jobId)).toMatchObject({ status: "done", attempts: 3, lastError: null });
    expect(await outboxRow(db.dataSource, jobs[1]!.jobId)).toMatchObject({ status: "failed", attempts: 1, lastError: "PermanentJobError: HTTP 400", detail: '{"message":"bad email"}' });
    expect(await outboxRow(db.dataSource, jobs[2]!.jobId)).toMatchObject({ status: "failed", attempts: 3, lastError: "RetryableJobError: HTTP 500 #3" });
    expect(await outboxRow(db.dataSource, jobs[3]!.jobId)).toMatchObject({ status: "done", attempts: 1 });
    expect(Object.fromEntries(calls)).toEqual({ flaky: 3, broken: 1, down: 3, fine: 1 });
  });

  it("should wait for a handler's Retry-After instead of the shorter backoff", async () => {
    script = { limited: [new RetryableJobError("HTTP 429", 3_600_000)] };
    const job = testJob("limited");
    await seedJobs(db.dataSource, [job]);
    const r = relay();
    await withWorkers(async () => {
      await r.tick();
      await until(async () => (await queue.getJob(bullJobId(job.jobId)))?.attemptsMade === 1 && (await (await queue.getJob(bullJobId(job.jobId)))!.getState()) === "delayed");
      const delayed = (await queue.getJob(bullJobId(job.jobId)))!;
      expect(delayed.delay).toBeGreaterThanOrEqual(3_600_000);
    });
    expect(calls.get("limited")).toBe(1);
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "dispatched", attempts: 1, lastError: "RetryableJobError: HTTP 429" });
  });

  it("should run a failed job again after an admin retry, although its failed BullMQ job holds the jobId", async () => {
    script = { again: [new PermanentJobError("HTTP 404", "contact not found"), "done"] };
    const job = testJob("again");
    await seedJobs(db.dataSource, [job]);
    const r = relay();
    await withWorkers(async () => {
      await until(async () => (await statusOf(job.jobId)) === "failed", () => r.tick());
      expect(await requeueFailed(db.dataSource)).toBe(1);
      // Once seen failing on a loaded machine (the row never reached done): say where it stood.
      const explain = async () => {
        const previous = await queue.getJob(bullJobId(job.jobId));
        return { row: await outboxRow(db.dataSource, job.jobId), bullmq: previous ? { state: await previous.getState(), failedReason: previous.failedReason } : null, calls: calls.get("again") };
      };
      await until(async () => (await statusOf(job.jobId)) === "done", () => r.tick(), undefined, explain);
    });
    expect(calls.get("again")).toBe(2);
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "done", attempts: 1, lastError: null, detail: null });
  });

  it("should keep at most JOB_KEEP_COMPLETED completed and JOB_KEEP_FAILED failed jobs in Redis", async () => {
    script = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`bad-${i}`, [new PermanentJobError("HTTP 400")]]));
    const jobs = [...Array.from({ length: 12 }, (_, i) => testJob(`ok-${i}`)), ...Array.from({ length: 6 }, (_, i) => testJob(`bad-${i}`))];
    await seedJobs(db.dataSource, jobs);
    const r = relay();
    await withWorkers(() => until(async () => (await Promise.all(jobs.map((j) => statusOf(j.jobId)))).every((s) => s === "done" || s === "failed"), () => r.tick()));
    const counts = await queue.getJobCounts("completed", "failed");
    expect(counts.completed).toBeLessThanOrEqual(5);
    expect(counts.failed).toBeLessThanOrEqual(2);
    expect(await db.dataSource.getRepository(OutboxEntity).countBy({ status: "done" })).toBe(12);
    expect(await db.dataSource.getRepository(OutboxEntity).countBy({ status: "failed" })).toBe(6);
  });

  it("should record in the outbox a job BullMQ failed itself for stalling, which the processor never saw", async () => {
    const job = testJob("stalled");
    await seedJobs(db.dataSource, [job]);
    await relay().tick();
    // A worker that takes the job and dies: its lock is never renewed.
    const dead = new Worker(QUEUES.respondio, null, { connection: { ...redisOptions(redis.url), maxRetriesPerRequest: null }, autorun: false, lockDuration: 500 });
    try {
      expect((await dead.getNextJob("dead-worker-token"))?.id).toBe(bullJobId(job.jobId));
      const fast = parseEnv({ NODE_ENV: "test", DATABASE_URL: db.url, REDIS_URL: redis.url, JOB_LOCK_MS: "500" });
      await withWorkers(() => until(async () => (await statusOf(job.jobId)) === "failed"), { maxStalledCount: 0, config: fast });
    } finally {
      await dead.close(true);
    }
    expect((await outboxRow(db.dataSource, job.jobId)).lastError).toMatch(/stalled/);
    expect(calls.get("stalled")).toBeUndefined();
  });
});
