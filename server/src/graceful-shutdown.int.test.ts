import { createConnection, type Connection } from "mysql2/promise";
import { createScratchDatabase } from "./db/scratch-database";
import { seedCatalogs } from "./db/seed/catalogs.seed";
import { toGlobalId } from "./graphql/global-id";
import { AccountEntity } from "./modules/accounts/account.entity";
import type { UserEntity } from "./modules/auth/user.entity";
import { ApiClient } from "../test/api";
import { CrmProcess, faultSuiteRuns } from "../test/crm-processes";
import { openTestDatabase, type TestDatabase } from "../test/databases";
import { buildProspect, buildUser, firstStatus, TEST_PASSWORD } from "../test/factories";
import { OwnRedis, until } from "../test/job-fixtures";
import { ownRedisAvailable } from "../test/services";
import { parseResponses, RawHttpConnection } from "../test/raw-http";
import { ACCOUNT_CHANGED, TestSubscription, wsClient } from "../test/subscriptions";

// SIGTERM on a real API process (main.ts) with a request genuinely in flight: the test holds the
// account's row lock in MariaDB, so the API's moveAccount waits inside its transaction until the
// test lets go. MariaDB only: SQLite's lock would block the API's whole event loop, not one request.
const runs = faultSuiteRuns("graceful shutdown (SIGTERM drains in-flight requests)");

const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { id followUpStatus { id } } }`;

/** Transactions of this database waiting for a row lock (the API's blocked UPDATE). */
async function lockWaits(admin: Connection, database: string): Promise<number> {
  const [rows] = await admin.query(
    `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
     WHERE t.trx_state = 'LOCK WAIT' AND p.DB = ?`,
    [database],
  );
  return Number((rows as Array<{ n: number | string }>)[0]?.n ?? 0);
}

/** Whether a new TCP connection to the API is refused (its listener is closed). */
async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
  }
}

(runs ? describe : describe.skip)("the API process on SIGTERM (main.ts shutdown)", () => {
  let db: TestDatabase;
  let user: UserEntity;
  let lock: Connection;
  const processes: CrmProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase("mysql");
    await seedCatalogs(db.dataSource);
    user = await buildUser(db.dataSource, ["crm", "crm-manager"]);
  });

  beforeEach(async () => {
    lock = await createConnection({ uri: db.url });
  });

  afterEach(async () => {
    await lock.end().catch(() => undefined);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill("SIGKILL")));
    await db?.close();
  });

  /** An API process, a session on it, an account whose row the test has locked, and a move of it in flight. */
  async function moveInFlight(env: Record<string, string>) {
    const api = await CrmProcess.api({ DATABASE_URL: db.url, ...env });
    processes.push(api);
    const client = new ApiClient(api.url);
    const login = await client.gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(login.errors).toBeUndefined();
    const [from, to] = [await firstStatus(db.dataSource, 0), await firstStatus(db.dataSource, 2)];
    const account = await buildProspect(db.dataSource, user, { followUpId: from.id });
    await lock.beginTransaction();
    await lock.query("SELECT id FROM prospection_users WHERE id = ? FOR UPDATE", [account.id]);
    const connection = new RawHttpConnection(api.url);
    const body = JSON.stringify({ query: MOVE, variables: { input: { accountId: toGlobalId("Account", account.id), followUpStatusId: to.id } } });
    connection.send("POST", "/graphql", { "content-type": "application/json", cookie: client.sessionCookie ?? "" }, body);
    const database = new URL(db.url).pathname.slice(1);
    await until(async () => (await lockWaits(lock, database)) > 0);
    return { api, client, connection, account, from, to };
  }

  it("should refuse new connections, answer /healthz 503, close subscriptions with 1001, finish the in-flight move (200, written) and exit 0", async () => {
    const { api, client, connection, account, to } = await moveInFlight({ SHUTDOWN_TIMEOUT_MS: "120000" });
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const socket = wsClient(api.url, { cookie: client.sessionCookie, origin: api.url });
    const connected = new Promise((resolve) => socket.on("connected", resolve));
    const subscription = new TestSubscription(socket, ACCOUNT_CHANGED);
    await connected;

    api.child.kill("SIGTERM");
    await until(() => refused(api.url));
    // The socket is closed as "going away" while the move is still held: it does not wait for the drain.
    expect((await subscription.closed).code).toBe(1001);
    // The busy connection is still open: a /healthz sent on it now is answered after the move, with 503.
    connection.send("GET", "/healthz", { connection: "close" });
    expect(api.running).toBe(true);

    await lock.commit();
    const [moved, health] = parseResponses(await connection.ended);
    expect(moved?.status).toBe(200);
    expect(JSON.parse(moved?.body ?? "{}")).toEqual({ data: { moveAccount: { id: toGlobalId("Account", account.id), followUpStatus: { id: to.id } } } });
    expect(health?.status).toBe(503);
    expect(await api.exited).toBe(0);
    const stored = await db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
    expect(stored.followUpId).toBe(to.id);
  });

  it("should exit 1 at SHUTDOWN_TIMEOUT_MS when a request never finishes, leaving nothing half-written", async () => {
    const { api, connection, account, from } = await moveInFlight({ SHUTDOWN_TIMEOUT_MS: "500" });

    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(1);
    expect(parseResponses(await connection.ended)).toEqual([]);
    await lock.rollback();
    const stored = await db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
    expect(stored.followUpId).toBe(from.id);
  });
});

describe("the API process on SIGTERM when idle", () => {
  // Apollo Server stops itself on SIGTERM unless told not to; main.ts's stop() arriving during
  // Apollo's waited forever, so an idle API ran into the deadline (exit 1; seen with REDIS_URL).
  const cases: Array<[string, boolean]> = [["without Redis", false], ["with REDIS_URL", true]];
  it.each(cases)("should exit 0 %s, well before its deadline", async (_how, withRedis) => {
    if (withRedis && !ownRedisAvailable()) {
      process.stderr.write("\n#### graceful shutdown with REDIS_URL: SKIPPED, no redis-server binary (see the setup banner) ####\n");
      return;
    }
    const scratch = await createScratchDatabase("sqlite", "", "crm_shutdown");
    const redis = withRedis ? await OwnRedis.create() : null;
    await redis?.start();
    try {
      const api = await CrmProcess.api({ DATABASE_URL: scratch.url, SHUTDOWN_TIMEOUT_MS: "40000", ...(redis ? { REDIS_URL: redis.url } : {}) });
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      expect(await api.kill("SIGTERM")).toBe(0);
    } finally {
      await redis?.stop();
      await scratch.drop();
    }
  });
});
