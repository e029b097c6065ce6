import { In } from "typeorm";
import { ApiClient } from "../../test/api";
import { CrmProcess, faultSuiteRuns } from "../../test/crm-processes";
import { openTestDatabase, type TestDatabase } from "../../test/databases";
import { buildApiToken, buildUser, mexico } from "../../test/factories";
import { FakeRespondio } from "../../test/fake-respondio";
import { OwnRedis, until } from "../../test/job-fixtures";
import { fromGlobalId } from "../graphql/global-id";
import { OutboxEntity } from "../jobs/outbox.entity";
import { respondioAddProspectJobId } from "../jobs/queues";

const runs = faultSuiteRuns("Redis restart fault suite", { redisServer: true });
const TOKEN = "fault-redis-token-123";
const PER_PHASE = 8;
const CREATE = `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`;
const REOFFERED = "dispatched jobs missing from Redis were offered again";

/*
 * A real API process and a real worker process on MariaDB and a Redis of the test's own, which is
 * crashed (SIGKILL) and started again while prospects are created through the graph. Before the crash
 * Respond.io answers 503, so jobs sit in BullMQ (delayed retries) when Redis dies: with an AOF they
 * survive; without persistence they are lost and the relay must offer their dispatched rows again.
 * Either way every prospect reaches Respond.io exactly once (one successful upsert per contact).
 */
(runs ? describe.each([{ appendonly: true }, { appendonly: false }]) : describe.skip.each([{ appendonly: true }]))("prospects created while Redis restarts (appendonly $appendonly)", ({ appendonly }) => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let fake: FakeRespondio;
  let api: CrmProcess;
  let worker: CrmProcess;
  let client: ApiClient;
  let localeId: number;
  let created = 0;

  beforeAll(async () => {
    db = await openTestDatabase("mysql");
    redis = await OwnRedis.create({ appendonly });
    await redis.start();
    fake = new FakeRespondio({ token: TOKEN });
    const respondioUrl = await fake.start();
    const common = { DATABASE_URL: db.url, REDIS_URL: redis.url };
    api = await CrmProcess.api({ ...common, TOKEN_RATE_LIMIT_PER_MINUTE: "100000" });
    worker = await CrmProcess.worker({
      ...common,
      RESPONDIO_API_URL: respondioUrl,
      RESPONDIO_API_TOKEN: TOKEN,
      // Long enough that a loaded machine's event-loop stall does not count as a stalled job (BullMQ would run it
      // a second time beside the first); the relay checks for lost jobs every 2 × this.
      JOB_LOCK_MS: "5000",
      JOB_BACKOFF_MS: "200",
      JOB_MAX_BACKOFF_MS: "1000",
      JOB_ATTEMPTS: "100",
      OUTBOX_POLL_MS: "50",
    });
    const sdr = await buildUser(db.dataSource, ["crm", "sdr"]);
    client = new ApiClient(api.url, null, { authorization: `Bearer ${(await buildApiToken(db.dataSource, sdr)).secret}` });
    localeId = (await mexico(db.dataSource)).id;
  }, 180_000);

  afterAll(async () => {
    await worker?.kill();
    await api?.kill();
    await fake?.stop();
    await redis?.destroy();
    await db?.close();
  });

  /** Creates `count` prospects through the graph (each must succeed); their outbox job ids. */
  async function createProspects(count: number): Promise<string[]> {
    const jobIds: string[] = [];
    for (let i = 0; i < count; i += 1) {
      created += 1;
      const answer = await client.gql<{ createProspect: { id: string } }>(CREATE, {
        input: { name: `Falla Redis ${created}`, companyName: `Transportes Falla ${created}`, email: `falla${created}@redis.example`, localeId, allowDuplicate: true },
      });
      if (answer.errors) {
        // pino writes asynchronously: give the API's error line a moment to arrive.
        await until(async () => api.log.includes('"level":50'), undefined, 40).catch(() => undefined);
        throw new Error(`createProspect failed: ${JSON.stringify(answer.errors)}\nAPI errors:\n${api.log.split("\n").filter((line) => line.includes('"level":50')).join("\n").slice(-6000)}`);
      }
      jobIds.push(respondioAddProspectJobId(fromGlobalId(answer.data!.createProspect.id).id));
    }
    return jobIds;
  }

  const rows = (jobIds: string[]) => db.dataSource.getRepository(OutboxEntity).findBy({ jobId: In(jobIds) });
  const explain = (jobIds: string[]) => async () => ({ rows: (await rows(jobIds)).map((r) => [r.jobId, r.status, r.attempts]), worker: worker.log.slice(-3000) });

  it("should sync every prospect created before, during and after the outage exactly once", async () => {
    const before = await createProspects(PER_PHASE);
    await until(async () => (await rows(before)).every((r) => r.status === "done"), undefined, 1000, explain(before));

    // Respond.io answers 503: the next jobs wait in BullMQ as delayed retries when Redis dies.
    fake.always("upsertContact", { status: 503, body: { message: "unavailable" } });
    const inRedis = await createProspects(PER_PHASE);
    await until(async () => (await rows(inRedis)).every((r) => r.status === "dispatched" && r.attempts >= 1), undefined, 1000, explain(inRedis));
    await redis.stop();

    const during = await createProspects(PER_PHASE);
    expect((await rows(during)).map((r) => r.status)).toEqual(during.map(() => "pending"));
    fake.always("upsertContact", null);
    await redis.start();
    const after = await createProspects(PER_PHASE);

    const all = [...before, ...inRedis, ...during, ...after];
    await until(async () => (await rows(all)).every((r) => r.status === "done"), undefined, 1000, explain(all));
    expect(fake.contacts.size).toBe(all.length);
    expect([...fake.contacts.values()].filter((c) => c.upserts !== 1)).toEqual([]);
    expect(fake.callsTo("updateLifecycle")).toHaveLength(all.length);
    for (let n = created - all.length + 1; n <= created; n += 1) {
      expect(fake.contacts.get(`email:falla${n}@redis.example`)).toMatchObject({ upserts: 1, lifecycle: "New Lead", conversationStatus: "open" });
    }
    // With an AOF the delayed jobs survived the crash; without one they were lost and offered again from the outbox.
    expect(worker.log.includes(REOFFERED)).toBe(!appendonly);
    expect(api.running && worker.running).toBe(true);
  }, 180_000);
});
