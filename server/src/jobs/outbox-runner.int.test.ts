import pino from "pino";
import { parseEnv, type Env } from "../config/env";
import { openTestDatabase, testDialects, type TestDatabase } from "../../test/databases";
import { outboxRow, seedJobs, testJob, until } from "../../test/job-fixtures";
import { PermanentJobError, RetryableJobError, type JobHandler, type JobResult } from "./job-handler";
import { OutboxRunner } from "./outbox-runner";
import { JOBS } from "./queues";

type Step = JobResult | Error | "wait-for-abort";

/** A handler following a per-key script of outcomes, counting its calls. */
function scriptedHandler(script: Record<string, Step[]>, calls: Map<string, number>): JobHandler {
  return async (payload, context) => {
    const key = String(payload.key);
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    const step = script[key]?.[n - 1] ?? { status: "done" };
    if (step === "wait-for-abort") {
      await new Promise<void>((resolve) => context.signal.addEventListener("abort", () => resolve(), { once: true }));
      throw new Error("aborted between steps");
    }
    if (step instanceof Error) {
      throw step;
    }
    return step;
  };
}

describe.each(testDialects())("OutboxRunner (in-process jobs, no Redis) on %s", (dialect) => {
  let db: TestDatabase;
  let config: Env;
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    config = parseEnv({ NODE_ENV: "test", DATABASE_URL: db.url, JOB_ATTEMPTS: "3", JOB_BACKOFF_MS: "1", JOB_MAX_BACKOFF_MS: "1", OUTBOX_POLL_MS: "20" });
  });

  afterAll(async () => {
    await db?.close();
  });

  function runner(script: Record<string, Step[]>, calls: Map<string, number>): OutboxRunner {
    return new OutboxRunner({ dataSource: db.dataSource, config, logger, handlers: { [JOBS.respondioAddProspect]: scriptedHandler(script, calls) } });
  }

  const settled = (jobId: string) => async () => ["done", "failed", "skipped"].includes((await outboxRow(db.dataSource, jobId)).status);

  it("should retry retryable failures with the row's attempts and end done when a later attempt succeeds", async () => {
    const calls = new Map<string, number>();
    const job = testJob("retry-then-done");
    await seedJobs(db.dataSource, [job]);
    const r = runner({ "retry-then-done": [new RetryableJobError("HTTP 503"), new Error("socket hang up"), { status: "done" }] }, calls);
    await until(settled(job.jobId), () => r.tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "done", attempts: 3, lastError: null });
    expect(calls.get("retry-then-done")).toBe(3);
  });

  it("should fail after JOB_ATTEMPTS runs, keeping the last error", async () => {
    const calls = new Map<string, number>();
    const job = testJob("always-503");
    await seedJobs(db.dataSource, [job]);
    const r = runner({ "always-503": [1, 2, 3, 4].map((i) => new RetryableJobError(`HTTP 503 #${i}`)) }, calls);
    await until(settled(job.jobId), () => r.tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "failed", attempts: 3, lastError: "RetryableJobError: HTTP 503 #3" });
    expect(calls.get("always-503")).toBe(3);
  });

  it("should fail at once on a permanent error and record its detail", async () => {
    const calls = new Map<string, number>();
    const job = testJob("bad-data");
    await seedJobs(db.dataSource, [job]);
    const r = runner({ "bad-data": [new PermanentJobError("HTTP 400", '{"message":"invalid phone"}')] }, calls);
    await until(settled(job.jobId), () => r.tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "failed", attempts: 1, lastError: "PermanentJobError: HTTP 400", detail: '{"message":"invalid phone"}' });
    expect(calls.get("bad-data")).toBe(1);
  });

  it("should record a skip with its reason", async () => {
    const calls = new Map<string, number>();
    const job = testJob("skip");
    await seedJobs(db.dataSource, [job]);
    await until(settled(job.jobId), () => runner({ skip: [{ status: "skipped", reason: "not configured" }] }, calls).tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "skipped", attempts: 1, detail: "not configured" });
  });

  it("should not run a job again before the Retry-After a handler asked for", async () => {
    const calls = new Map<string, number>();
    const job = testJob("rate-limited");
    await seedJobs(db.dataSource, [job]);
    const r = runner({ "rate-limited": [new RetryableJobError("HTTP 429", 3_600_000)] }, calls);
    await r.tick();
    await r.tick();
    const row = await outboxRow(db.dataSource, job.jobId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "RetryableJobError: HTTP 429" });
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(calls.get("rate-limited")).toBe(1);
  });

  it("should fail a job nobody handles instead of retrying it forever", async () => {
    const job = { ...testJob("orphan"), jobName: "no_such_job" } as unknown as ReturnType<typeof testJob>;
    await seedJobs(db.dataSource, [job]);
    const r = new OutboxRunner({ dataSource: db.dataSource, config, logger, handlers: {} });
    await until(settled(job.jobId), () => r.tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "failed", lastError: "PermanentJobError: no handler for job no_such_job" });
  });

  it("should run each job once when two runners poll the same outbox", async () => {
    const calls = new Map<string, number>();
    const jobs = Array.from({ length: 30 }, (_, i) => testJob(`pair-${i}`));
    await seedJobs(db.dataSource, jobs);
    const [a, b] = [runner({}, calls), runner({}, calls)];
    await until(async () => (await Promise.all(jobs.map((job) => settled(job.jobId)()))).every(Boolean), () => Promise.all([a.tick(), b.tick()]));
    expect(jobs.map((job) => calls.get(String(job.payload.key)))).toEqual(jobs.map(() => 1));
  });

  it("should release the running job without counting the attempt when stopped, and finish it on the next start", async () => {
    const calls = new Map<string, number>();
    const job = testJob("interrupted");
    await seedJobs(db.dataSource, [job]);
    const script = { interrupted: ["wait-for-abort", { status: "done" }] as Step[] };
    const first = runner(script, calls);
    first.start();
    await until(async () => calls.get("interrupted") === 1);
    await first.stop();
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "pending", attempts: 0 });
    const second = runner(script, calls);
    await until(settled(job.jobId), () => second.tick());
    expect(await outboxRow(db.dataSource, job.jobId)).toMatchObject({ status: "done", attempts: 1 });
    expect(calls.get("interrupted")).toBe(2);
  });
});
