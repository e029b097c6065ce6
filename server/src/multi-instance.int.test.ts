import type { DataSource } from "typeorm";
import { testFlags } from "./config/env";
import { toGlobalId } from "./graphql/global-id";
import { createDataSource } from "./db/data-source";
import { createScratchDatabase, type ScratchDatabase } from "./db/scratch-database";
import type { UserEntity } from "./modules/auth/user.entity";
import { ApiClient } from "../test/api";
import { CrmProcess, faultSuiteRuns } from "../test/crm-processes";
import { buildProspect, buildUser, firstStatus, TEST_PASSWORD } from "../test/factories";
import { OwnRedis, until } from "../test/job-fixtures";
import { ACCOUNT_CHANGED, TestSubscription, wsClient } from "../test/subscriptions";

// Two API processes (main.ts, as `npm start` runs it) on one MariaDB database and one Redis, as
// docker-compose.yml runs api-1 and api-2: any request may land on either. They boot at the same
// moment on an empty database, so the migrations' lock is exercised too.
const runs = faultSuiteRuns("two API instances (shared sessions, rate limits, events)", { redisServer: true });

/** Requests per minute per IP on both instances: small, so the shared budget is spent quickly. */
const IP_LIMIT = 12;
const ME = `{ me { email } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id } }`;
const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { id } }`;

interface AccountChanged {
  accountChanged: { kind: string; accountId: string; leftScope: boolean; fromStatus: { id: number } | null; toStatus: { id: number } | null; account: { followUpStatus: { id: number } } | null };
}

(runs ? describe : describe.skip)("two API instances on one database and one Redis", () => {
  let scratch: ScratchDatabase;
  let redis: OwnRedis;
  let a: CrmProcess;
  let b: CrmProcess;
  let dataSource: DataSource;
  let user: UserEntity;
  let ipSequence = 0;
  /** Each test counts its requests under its own client IP (X-Forwarded-For, trusted from loopback). */
  const freshIp = () => ({ "x-forwarded-for": `203.0.113.${++ipSequence}` });

  beforeAll(async () => {
    scratch = await createScratchDatabase("mysql", testFlags().mariadbUrl, "crm_two_api");
    redis = await OwnRedis.create();
    await redis.start();
    const env = { DATABASE_URL: scratch.url, REDIS_URL: redis.url, IP_RATE_LIMIT_PER_MINUTE: String(IP_LIMIT), LOG_LEVEL: "info" };
    [a, b] = await Promise.all([CrmProcess.api(env), CrmProcess.api(env)]);
    dataSource = await createDataSource(scratch.url);
    await dataSource.initialize();
    user = await buildUser(dataSource, ["crm", "crm-manager"]);
  });

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((api) => api.kill("SIGTERM")));
    await dataSource?.destroy();
    await redis?.stop();
    await scratch?.drop();
  });

  it("should both boot on an empty database at the same moment: one migrates, the other waits for it", () => {
    const applied = [a, b].map((api) => /"msg":"migrations applied"/.test(api.log));
    expect(applied.filter(Boolean)).toHaveLength(1);
    expect(a.running && b.running).toBe(true);
  });

  it("should accept on B a session created by login on A, and end it on A after logout on B", async () => {
    const ip = freshIp();
    const onA = new ApiClient(a.url, null, ip);
    const login = await onA.gql(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(login.errors).toBeUndefined();
    const cookie = onA.sessionCookie;
    expect(cookie).toMatch(/^crm_session=/);

    const onB = new ApiClient(b.url, cookie, ip);
    expect((await onB.gql<{ me: { email: string } | null }>(ME)).data?.me).toEqual({ email: user.email });
    // Without the cookie B does not know the caller: what B accepted is the session, not the client.
    expect((await new ApiClient(b.url, null, ip).gql<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();

    expect((await onB.gql(`mutation { logout }`)).errors).toBeUndefined();
    expect((await new ApiClient(a.url, cookie, ip).gql<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();
  });

  it("should share one per-IP budget: requests spread over A and B are refused once the budget is spent", async () => {
    const ip = freshIp();
    const instances = [a, b];
    const statuses: number[] = [];
    // Alternating, each instance sees half the budget: per-process limits would refuse none of these.
    for (let i = 0; i < IP_LIMIT; i += 1) {
      statuses.push((await new ApiClient(instances[i % 2]!.url, null, ip).gql(`{ __typename }`)).status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    for (const api of instances) {
      const refused = await new ApiClient(api.url, null, ip).gql(`{ __typename }`);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    }
    // Another client's budget is untouched on either instance.
    expect((await new ApiClient(b.url, null, freshIp()).gql(`{ __typename }`)).status).toBe(200);
  });

  it("should deliver a move made on A to a graphql-ws subscriber on B (accountChanged MOVED)", async () => {
    const ip = freshIp();
    const onA = new ApiClient(a.url, null, ip);
    expect((await onA.gql(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).errors).toBeUndefined();
    const statuses = [await firstStatus(dataSource, 0), await firstStatus(dataSource, 1), await firstStatus(dataSource, 2)];
    const [probe, target] = [await buildProspect(dataSource, user, { followUpId: statuses[0]!.id }), await buildProspect(dataSource, user, { followUpId: statuses[0]!.id })];
    // Each move from its own client IP: however many probes it takes, no budget runs out.
    const move = (api: CrmProcess, id: number, statusId: number) =>
      new ApiClient(api.url, onA.sessionCookie, freshIp()).gql(MOVE, { input: { accountId: toGlobalId("Account", id), followUpStatusId: statusId } });

    // The browser's way in, on B: the session cookie made on A, with B's own origin.
    const subscription = new TestSubscription<AccountChanged>(wsClient(b.url, { cookie: onA.sessionCookie, origin: b.url }), ACCOUNT_CHANGED);
    try {
      // Live once a probe move made on B itself comes back (no timing: the subscribe may still be starting).
      let probeMoves = 0;
      await until(async () => subscription.pending > 0, () => move(b, probe.id, statuses[++probeMoves % 2]!.id), 200);
      while (subscription.pending > 0) {
        await subscription.next();
      }

      const moved = await move(a, target.id, statuses[2]!.id);
      expect(moved.errors).toBeUndefined();
      let change: AccountChanged["accountChanged"] | undefined;
      while (change?.accountId !== toGlobalId("Account", target.id)) {
        // A probe event still on its way is skipped; B never hearing of A's move fails by the suite's timeout.
        const result = await subscription.next();
        expect(result.errors).toBeUndefined();
        change = result.data?.accountChanged;
      }
      expect(change).toMatchObject({ kind: "MOVED", leftScope: false, fromStatus: { id: statuses[0]!.id }, toStatus: { id: statuses[2]!.id }, account: { followUpStatus: { id: statuses[2]!.id } } });
    } finally {
      await subscription.close();
    }
  });
});
