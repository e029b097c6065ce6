import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Queue } from "bullmq";
import { seedCatalogs } from "../db/seed/catalogs.seed";
import { openTestDatabase, testDialects, type TestDatabase } from "../../test/databases";
import { buildProspect, buildUser } from "../../test/factories";
import { FakeRespondio } from "../../test/fake-respondio";
import { outboxRow, OwnRedis, until } from "../../test/job-fixtures";
import { bullJobId, redisOptions } from "./bullmq-options";
import { QUEUES, respondioAddProspectJob, writeOutbox } from "./queues";
import { ownRedisAvailable } from "../../test/services";

// These suites start their own redis-server (never the shared one): gated on its binary.
const redisAvailable = ownRedisAvailable();
if (!redisAvailable) {
  process.stderr.write("\n#### No redis-server binary: the worker process suite (SIGKILL / SIGTERM) is SKIPPED (see the setup banner) ####\n");
}
// Child processes are slow to boot on a shared machine: one dialect, MariaDB when it answers.
const dialect = testDialects().at(-1)!;
const TOKEN = "test-token-123456";

/** `npm run worker` as a child process (src/worker.ts through swc), resolved once it logged "worker started". */
async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "src/worker.ts"], {
    cwd: resolve(__dirname, "../.."),
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  await new Promise<void>((ready, fail) => {
    lines.on("line", (line) => {
      if (line.includes('"msg":"worker started"')) {
        ready();
      }
    });
    child.once("exit", (code) => fail(new Error(`worker exited with ${code} before starting: ${stderr.join("")}`)));
  });
  return child;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((done) => child.once("exit", (code) => done(code)));
}

(redisAvailable ? describe : describe.skip)(`npm run worker as a process on ${dialect}`, () => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let fake: FakeRespondio;
  let env: Record<string, string>;
  let queue: Queue;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedCatalogs(db.dataSource);
    redis = await OwnRedis.create();
    await redis.start();
    fake = new FakeRespondio({ token: TOKEN });
    const url = await fake.start();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      RESPONDIO_API_URL: url,
      RESPONDIO_API_TOKEN: TOKEN,
      RESPONDIO_TIMEOUT_MS: "60000",
      JOB_LOCK_MS: "1000",
      JOB_BACKOFF_MS: "50",
      JOB_SHUTDOWN_GRACE_MS: "300",
      OUTBOX_POLL_MS: "50",
    };
    queue = new Queue(QUEUES.respondio, { connection: redisOptions(redis.url) });
  });

  afterAll(async () => {
    for (const child of children) {
      child.kill("SIGKILL");
    }
    await queue?.close();
    await fake?.stop();
    await redis?.stop();
    await db?.close();
  });

  async function newProspectJob(n: number): Promise<string> {
    const owner = await buildUser(db.dataSource, ["crm", "sdr"]);
    const prospect = await buildProspect(db.dataSource, owner, { email: `kill${n}@example.com`, phone: null, phoneCode: null });
    const job = respondioAddProspectJob(prospect.id);
    await writeOutbox(db.dataSource.manager, [job]);
    return job.jobId;
  }

  const spawnWorker = async () => {
    const child = await startWorker(env);
    children.push(child);
    return child;
  };

  it("should retry a job whose worker was killed mid-run and leave exactly one contact upserted", async () => {
    fake.reset();
    const jobId = await newProspectJob(1);
    fake.queue("upsertContact", { hang: true });
    const first = await spawnWorker();
    await fake.waitForCalls("upsertContact", 1);
    first.kill("SIGKILL");
    await exitOf(first);

    const second = await spawnWorker();
    await until(async () => (await outboxRow(db.dataSource, jobId)).status === "done");
    // Retried, not lost, and its effect applied once; BullMQ counts a stall apart from attempts (stalledCounter).
    expect(await outboxRow(db.dataSource, jobId)).toMatchObject({ status: "done", attempts: 1 });
    expect(await (await queue.getJob(bullJobId(jobId)))!.getState()).toBe("completed");
    expect(fake.callsTo("upsertContact")).toHaveLength(2);
    expect(fake.contacts.size).toBe(1);
    expect([...fake.contacts.values()][0]).toMatchObject({ upserts: 1, lifecycle: "New Lead", conversationStatus: "open" });
    expect(["assignConversation", "updateLifecycle", "conversationStatus"].map((e) => fake.callsTo(e as "updateLifecycle").length)).toEqual([1, 1, 1]);
    second.kill("SIGTERM");
    expect(await exitOf(second)).toBe(0);
  });

  it("should finish a job whose worker was killed after its first Respond.io calls with still one contact", async () => {
    fake.reset();
    const jobId = await newProspectJob(3);
    // Killed inside the third call: the contact exists and is assigned; the retry starts over (the steps are idempotent).
    fake.queue("updateLifecycle", { hang: true });
    const first = await spawnWorker();
    await fake.waitForCalls("updateLifecycle", 1);
    first.kill("SIGKILL");
    await exitOf(first);

    const second = await spawnWorker();
    await until(async () => (await outboxRow(db.dataSource, jobId)).status === "done");
    expect(await outboxRow(db.dataSource, jobId)).toMatchObject({ status: "done", attempts: 1 });
    expect(fake.contacts.size).toBe(1);
    expect([...fake.contacts.values()][0]).toMatchObject({ identifier: "email:kill3@example.com", lifecycle: "New Lead", conversationStatus: "open" });
    expect(fake.calls.map((call) => call.endpoint)).toEqual([
      ...["upsertContact", "assignConversation", "updateLifecycle"],
      ...["upsertContact", "assignConversation", "updateLifecycle", "conversationStatus"],
    ]);
    second.kill("SIGTERM");
    expect(await exitOf(second)).toBe(0);
  });

  it("should release the running job on SIGTERM (exit 0, attempt not counted) and finish it in the next worker", async () => {
    fake.reset();
    const jobId = await newProspectJob(2);
    fake.queue("upsertContact", { hang: true });
    const first = await spawnWorker();
    await fake.waitForCalls("upsertContact", 1);
    first.kill("SIGTERM");
    expect(await exitOf(first)).toBe(0);
    const released = await queue.getJob(bullJobId(jobId));
    expect(await released!.getState()).toBe("waiting");
    expect(released!.attemptsMade).toBe(0);
    expect(await outboxRow(db.dataSource, jobId)).toMatchObject({ status: "dispatched", attempts: 0 });

    const second = await spawnWorker();
    await until(async () => (await outboxRow(db.dataSource, jobId)).status === "done");
    expect(await outboxRow(db.dataSource, jobId)).toMatchObject({ status: "done", attempts: 1 });
    expect(fake.contacts.size).toBe(1);
    expect([...fake.contacts.values()][0]!.upserts).toBe(1);
    second.kill("SIGTERM");
    expect(await exitOf(second)).toBe(0);
  });
});
