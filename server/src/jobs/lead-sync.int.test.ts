import pino from "pino";
import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { testDialects } from "../../test/databases";
import { buildUser } from "../../test/factories";
import { FakeRespondio } from "../../test/fake-respondio";
import { OwnRedis, until } from "../../test/job-fixtures";
import { parseEnv, type Env } from "../config/env";
import type { UserEntity } from "../modules/auth/user.entity";
import { startJobProcess, type JobProcess } from "./job-process";
import { defaultJobHandlers } from "./job-registry";
import { OutboxRunner } from "./outbox-runner";
import { ownRedisAvailable } from "../../test/services";

// These suites start their own redis-server (never the shared one): gated on its binary.
const redisAvailable = ownRedisAvailable();
if (!redisAvailable) {
  process.stderr.write("\n#### No redis-server binary: the end-to-end lead sync through BullMQ is SKIPPED (see the setup banner) ####\n");
}
const TOKEN = "test-token-lead-sync";
const CREATE = `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id email } }`;
const SYNC = `query($id: ID!) { account(id: $id) { respondioSync { status attempts lastError } } }`;

interface Sync {
  status: string;
  attempts: number;
  lastError: string | null;
}

/**
 * The whole lead sync: createProspect through the graph writes the outbox row; the jobs runtime
 * (BullMQ on a real Redis, or the in-process runner) makes the four Respond.io calls on the fake.
 */
describe.each(testDialects())("Lead sync end to end on %s", (dialect) => {
  let api: TestApi;
  let fake: FakeRespondio;
  let redis: OwnRedis;
  let seller: UserEntity;
  let client: ApiClient;
  let localeId: number;
  let created = 0;
  let baseUrl = "";

  beforeAll(async () => {
    redis = await OwnRedis.create();
    api = await startTestApi(dialect, { REDIS_URL: redis.url });
    fake = new FakeRespondio({ token: TOKEN });
    baseUrl = await fake.start();
    seller = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    client = await api.as(seller);
    const catalogs = await client.gql<{ catalogs: { locales: Array<{ id: number; phoneCode: string }> } }>(`{ catalogs { locales { id phoneCode } } }`);
    localeId = catalogs.data!.catalogs.locales.find((l) => l.phoneCode === "52")!.id;
  });

  afterAll(async () => {
    await fake?.stop();
    await api?.close();
    await redis?.stop();
  });

  beforeEach(() => fake.reset());

  function configFor(extra: Record<string, string> = {}): Env {
    return parseEnv({
      NODE_ENV: "test",
      DATABASE_URL: api.db.url,
      RESPONDIO_API_URL: baseUrl,
      RESPONDIO_API_TOKEN: TOKEN,
      JOB_BACKOFF_MS: "20",
      JOB_MAX_BACKOFF_MS: "20",
      OUTBOX_POLL_MS: "30",
      ...extra,
    });
  }
  async function createProspect(): Promise<string> {
    created += 1;
    const email = `lead${created}-${dialect}@example.com`;
    const res = await client.gql<{ createProspect: { id: string } }>(CREATE, { input: { name: `Lead ${created}`, companyName: `Lead Co ${created} ${dialect}`, email, localeId } });
    expect(res.errors).toBeUndefined();
    return res.data!.createProspect.id;
  }

  const syncOf = async (id: string) => (await client.gql<{ account: { respondioSync: Sync } }>(SYNC, { id })).data!.account.respondioSync;

  function expectFourCalls(email: string): void {
    const identifier = `email:${email}`;
    expect(fake.calls.map((call) => [call.endpoint, call.identifier])).toEqual([
      ["upsertContact", identifier],
      ["assignConversation", identifier],
      ["updateLifecycle", identifier],
      ["conversationStatus", identifier],
    ]);
    expect(fake.contacts.get(identifier)).toMatchObject({ upserts: 1, assignee: seller.email, lifecycle: "New Lead", conversationStatus: "open" });
  }

  (redisAvailable ? describe : describe.skip)("through the outbox relay and BullMQ", () => {
    let jobs: JobProcess | null = null;

    afterEach(async () => {
      await jobs?.stop();
      jobs = null;
    });

    it("should make the four Respond.io calls for a prospect created in the graph and show it synced", async () => {
      await redis.start();
      jobs = startJobProcess({ config: configFor({ REDIS_URL: redis.url }), dataSource: api.db.dataSource, logger: pino({ level: "silent" }), handlers: defaultJobHandlers() });
      const id = await createProspect();
      await until(async () => (await syncOf(id)).status === "SYNCED");
      expect(await syncOf(id)).toEqual({ status: "SYNCED", attempts: 1, lastError: null });
      expectFourCalls(`lead${created}-${dialect}@example.com`);
    });

    it("should sync a prospect created while Redis was down once Redis is back", async () => {
      await redis.stop();
      jobs = startJobProcess({ config: configFor({ REDIS_URL: redis.url }), dataSource: api.db.dataSource, logger: pino({ level: "silent" }), handlers: defaultJobHandlers() });
      const id = await createProspect();
      await expect(jobs.relay.tick()).rejects.toThrow();
      expect(await syncOf(id)).toMatchObject({ status: "PENDING", attempts: 0 });
      expect(fake.calls).toHaveLength(0);
      await redis.start();
      await until(async () => (await syncOf(id)).status === "SYNCED");
      expectFourCalls(`lead${created}-${dialect}@example.com`);
    });
  });

  describe("in the API process without Redis", () => {
    it("should make the four calls and retry a 500 with the same rules", async () => {
      fake.queue("upsertContact", { status: 500, body: { message: "try later" } });
      const runner = new OutboxRunner({ dataSource: api.db.dataSource, config: configFor(), logger: pino({ level: "silent" }), handlers: defaultJobHandlers() });
      const id = await createProspect();
      try {
        await until(async () => (await syncOf(id)).status === "SYNCED", () => runner.tick());
      } finally {
        await runner.stop();
      }
      expect(await syncOf(id)).toEqual({ status: "SYNCED", attempts: 2, lastError: null });
      expect(fake.callsTo("upsertContact")).toHaveLength(2);
    });
  });
});
