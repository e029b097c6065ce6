import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { openTestDatabase, testDialects, type TestDatabase } from "../../test/databases";
import { buildApiToken, buildProspect, buildUser, firstStatus } from "../../test/factories";
import { toGlobalId } from "../graphql/global-id";
import { replicaReadsForQueries } from "../graphql/replica-reads";
import { AccountEntity } from "../modules/accounts/account.entity";
import type { UserEntity } from "../modules/auth/user.entity";
import { hasReplicas, onPrimary } from "./read-routing";

const ACCOUNT = `query($id: ID!) { account(id: $id) { name salesman { name } } }`;
const UPDATE = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { name email salesman { name } } }`;
const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { followUpStatus { id } name salesman { name } } }`;

interface AccountView {
  name: string;
  email?: string;
  followUpStatus?: { id: number };
  salesman: { name: string } | null;
}

/** Runs statements on the MariaDB server of `url` (any database, names qualified). */
async function onServer<T>(url: string, work: (run: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> {
  const server = new URL(url);
  server.pathname = "/";
  const connection = await createConnection({ uri: server.toString() });
  try {
    return await work(async (sql, values) => (await connection.query(sql, values))[0]);
  } finally {
    await connection.end();
  }
}

const nameOf = (url: string) => new URL(url).pathname.replace(/^\//, "");

/** What replication would do, at one moment: the replica's tables become copies of the primary's. */
async function catchUp(primaryUrl: string, replicaUrl: string): Promise<void> {
  const [from, to] = [nameOf(primaryUrl), nameOf(replicaUrl)];
  await onServer(primaryUrl, async (run) => {
    await run("SET FOREIGN_KEY_CHECKS = 0");
    const tables = (await run("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [from])) as Array<{ name: string }>;
    for (const { name } of tables) {
      const columns = (await run(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position",
        [from, name],
      )) as Array<{ name: string }>;
      const list = columns.map((c) => `\`${c.name}\``).join(", ");
      await run(`DELETE FROM \`${to}\`.\`${name}\``);
      await run(`INSERT INTO \`${to}\`.\`${name}\` (${list}) SELECT ${list} FROM \`${from}\`.\`${name}\``);
    }
  });
}

// Replication exists on MySQL/MariaDB only; without MariaDB the global setup prints why this suite is skipped.
(testDialects().includes("mysql") ? describe : describe.skip)("read replicas (DATABASE_REPLICA_URLS) on MariaDB", () => {
  // The "replica" is a second database with the same schema whose data deliberately differs,
  // so every assertion shows which server a read went to.
  let replica: TestDatabase;
  let api: TestApi;
  let sdr: UserEntity;
  let account: AccountEntity;
  const gid = () => toGlobalId("Account", account.id);
  const version = async () => (await api.db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id })).version;
  const onReplica = (sql: string, values: unknown[]) => onServer(replica.url, (run) => run(sql.replaceAll("$db", `\`${nameOf(replica.url)}\``), values));

  beforeAll(async () => {
    replica = await openTestDatabase("mysql");
    api = await startTestApi("mysql", { DATABASE_REPLICA_URLS: replica.url });
    sdr = await buildUser(api.db.dataSource, ["crm", "sdr"], { name: "Primary Salesman" });
    account = await buildProspect(api.db.dataSource, sdr, { name: "Primary name" });
    await catchUp(api.db.url, replica.url);
    await onReplica("UPDATE $db.prospection_users SET name = ? WHERE id = ?", ["Replica name", account.id]);
    await onReplica("UPDATE $db.users SET name = ? WHERE id = ?", ["Replica Salesman", sdr.id]);
  });

  afterAll(async () => {
    await api?.close();
    await replica?.close();
  });

  /** Signs in on the primary after the catch-up: the replica has never seen this session. */
  async function freshSession(): Promise<ApiClient> {
    const client = await api.as(sdr);
    const [row] = (await onReplica("SELECT COUNT(*) AS n FROM $db.sessions WHERE user_id = ?", [sdr.id])) as Array<{ n: number }>;
    expect(Number(row?.n)).toBe(0);
    return client;
  }

  it("should build a replicated DataSource, and none without replicas", async () => {
    expect(hasReplicas(api.db.dataSource)).toBe(true);
    expect(replicaReadsForQueries(api.db.dataSource)).not.toBeNull();
    expect(hasReplicas(replica.dataSource)).toBe(false);
    expect(replicaReadsForQueries(replica.dataSource)).toBeNull();
    expect(replica.dataSource.createQueryRunner).toBe(DataSource.prototype.createQueryRunner);
  });

  it("should answer a query from the replica, authenticating a session the replica does not have", async () => {
    const client = await freshSession();
    const res = await client.gql<{ account: AccountView }>(ACCOUNT, { id: gid() });
    expect(res.errors).toBeUndefined();
    expect(res.data?.account).toEqual({ name: "Replica name", salesman: { name: "Replica Salesman" } });
  });

  it("should answer an API-token request whose token exists on the primary only", async () => {
    const { secret } = await buildApiToken(api.db.dataSource, sdr, { scopes: ["read"] });
    const res = await api.withToken(secret).gql<{ account: AccountView }>(ACCOUNT, { id: gid() });
    expect(res.errors).toBeUndefined();
    expect(res.data?.account.name).toBe("Replica name");
  });

  it("should read a mutation's payload from the primary (updateAccount), then queries see the replica again", async () => {
    const client = await freshSession();
    const res = await client.gql<{ updateAccount: AccountView }>(UPDATE, { input: { accountId: gid(), version: await version(), email: "fresh@primary.example" } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateAccount).toEqual({ name: "Primary name", email: "fresh@primary.example", salesman: { name: "Primary Salesman" } });
    const after = await client.gql<{ account: AccountView }>(ACCOUNT, { id: gid() });
    expect(after.data?.account.name).toBe("Replica name");
  });

  it("should read moveAccount's payload from the primary", async () => {
    const client = await freshSession();
    const to = await firstStatus(api.db.dataSource, 1);
    const res = await client.gql<{ moveAccount: AccountView }>(MOVE, { input: { accountId: gid(), followUpStatusId: to.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.moveAccount).toEqual({ followUpStatus: { id: to.id }, name: "Primary name", salesman: { name: "Primary Salesman" } });
  });

  it("should keep background reads (no request scope) and onPrimary work on the primary", async () => {
    const repository = api.db.dataSource.getRepository(AccountEntity);
    expect((await repository.findOneByOrFail({ id: account.id })).name).toBe("Primary name");
    expect((await onPrimary(() => repository.findOneByOrFail({ id: account.id }))).name).toBe("Primary name");
  });
});

(testDialects().includes("mysql") ? describe : describe.skip)("read replicas that cannot be reached (MariaDB)", () => {
  it("should answer queries from the primary when no replica answers", async () => {
    const api = await startTestApi("mysql", { DATABASE_REPLICA_URLS: "mysql://root@127.0.0.1:1/no_replica" });
    try {
      const sdr = await buildUser(api.db.dataSource, ["crm", "sdr"]);
      const account = await buildProspect(api.db.dataSource, sdr, { name: "Only on the primary" });
      const client = await api.as(sdr);
      for (let i = 0; i < 7; i++) {
        // Past mysql2's five errors, the replica is taken offline: both paths must fall back.
        const res = await client.gql<{ account: AccountView }>(ACCOUNT, { id: toGlobalId("Account", account.id) });
        expect(res.errors).toBeUndefined();
        expect(res.data?.account.name).toBe("Only on the primary");
      }
    } finally {
      await api.close();
    }
  });
});
