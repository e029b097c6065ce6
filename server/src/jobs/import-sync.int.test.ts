import { Writable } from "node:stream";
import pino from "pino";
import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { testDialects } from "../../test/databases";
import { buildUser } from "../../test/factories";
import { FakeRespondio } from "../../test/fake-respondio";
import { COMMIT, readReport, uploadAndValidate } from "../../test/import-harness";
import { OwnRedis, until } from "../../test/job-fixtures";
import { parseEnv } from "../config/env";
import { writeProspectCsv } from "../db/seed/prospect-csv.generator";
import { startJobProcess, type JobProcess } from "./job-process";
import { defaultJobHandlers } from "./job-registry";
import { OutboxEntity } from "./outbox.entity";
import { JOBS } from "./queues";
import { ownRedisAvailable } from "../../test/services";

// These suites start their own redis-server (never the shared one): gated on its binary.
const redisAvailable = ownRedisAvailable();
if (!redisAvailable) {
  process.stderr.write("\n#### No redis-server binary: the 1,000-prospect import sync through BullMQ is SKIPPED (see the setup banner) ####\n");
}
// 4,000 calls on the fake: one dialect (MariaDB when it answers) keeps the suite bounded.
const dialect = testDialects().at(-1)!;
const TOKEN = "test-token-import-sync";
const ROWS = 1000;

async function csv(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const counts = await writeProspectCsv({ rows, seed: 31, invalid: 0, duplicates: 0, notes: false }, sink);
  expect(counts.valid).toBe(rows);
  return Buffer.concat(chunks);
}

(redisAvailable ? describe : describe.skip)(`CSV import → outbox → BullMQ → Respond.io fake on ${dialect}`, () => {
  let api: TestApi;
  let redis: OwnRedis;
  let fake: FakeRespondio;
  let client: ApiClient;
  let jobs: JobProcess | null = null;

  beforeAll(async () => {
    redis = await OwnRedis.create();
    await redis.start();
    api = await startTestApi(dialect, { REDIS_URL: redis.url });
    fake = new FakeRespondio({ token: TOKEN });
    const url = await fake.start();
    client = await api.as(await buildUser(api.db.dataSource, ["crm", "sdr"]));
    // A generous call timeout: on a loaded machine a slow answer should not turn into a retry.
    const config = parseEnv({ NODE_ENV: "test", DATABASE_URL: api.db.url, REDIS_URL: redis.url, RESPONDIO_API_URL: url, RESPONDIO_API_TOKEN: TOKEN, RESPONDIO_TIMEOUT_MS: "60000", JOB_CONCURRENCY: "16", OUTBOX_POLL_MS: "50" });
    jobs = startJobProcess({ config, dataSource: api.db.dataSource, logger: pino({ level: "silent" }), handlers: defaultJobHandlers() });
  });

  afterAll(async () => {
    await jobs?.stop();
    await fake?.stop();
    await api?.close();
    await redis?.stop();
  });

  it(
    "should enqueue one job per imported prospect and sync all 1,000 with one contact upsert each",
    async () => {
      const id = await uploadAndValidate(api, client, await csv(ROWS), "leads-1000.csv");
      expect((await client.gql(COMMIT, { input: { id } })).errors).toBeUndefined();
      await api.services.imports.runner.idle();
      expect((await readReport(client, id)).createdRows).toBe(ROWS);

      const outbox = api.db.dataSource.getRepository(OutboxEntity);
      const rows = await outbox.findBy({ jobName: JOBS.respondioAddProspect });
      expect(rows).toHaveLength(ROWS);
      expect(new Set(rows.map((row) => (row.payload as { prospectId: number }).prospectId)).size).toBe(ROWS);

      await until(async () => (await outbox.countBy({ status: "done" })) === ROWS, undefined, 4800);
      expect(await outbox.countBy({ status: "failed" })).toBe(0);
      // No duplicate jobs: an attempt makes at most one upsert, so the upserts never exceed the counted attempts. A retry
      // (e.g. a keep-alive socket reset on a loaded machine) is the at-least-once contract: it repeats the idempotent
      // upsert of its own contact only.
      const finished = await outbox.find();
      const attempts = finished.reduce((sum, row) => sum + row.attempts, 0);
      expect(fake.callsTo("upsertContact").length).toBeGreaterThanOrEqual(ROWS);
      expect(fake.callsTo("upsertContact").length).toBeLessThanOrEqual(attempts);
      expect(attempts).toBeLessThan(ROWS * 1.05);
      expect(fake.contacts.size).toBe(ROWS);
      expect([...fake.contacts.values()].filter((contact) => contact.lifecycle !== "New Lead" || contact.conversationStatus !== "open")).toEqual([]);
      const page = await client.gql<{ accounts: { edges: Array<{ node: { respondioSync: { status: string } | null } }> } }>(`{ accounts(first: 100) { edges { node { respondioSync { status } } } } }`);
      expect(page.data!.accounts.edges.map((e) => e.node.respondioSync?.status)).toEqual(Array(100).fill("SYNCED"));
    },
    420_000,
  );
});
