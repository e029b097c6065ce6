import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { faultSuiteRuns } from "../../test/crm-processes";
import { buildUser, mexico } from "../../test/factories";
import { until } from "../../test/job-fixtures";

const runs = faultSuiteRuns("MariaDB connection fault suite");
const CREATE = `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id name } }`;

/*
 * The API's MariaDB connection is killed (KILL <id>, what a failover, a restart or an admin does)
 * in the middle of createProspect's transaction: the account and its follow-up data are written, the
 * outbox job waits on a table lock the test holds (outbox has no foreign key, so the lock stops nothing
 * before it). The lock is released right after the kill: a server that retried the write would now
 * create the prospect, so "no partial write" also proves no retry. The client gets a clear error
 * at once, nothing of the transaction exists, and the pool serves the next requests.
 */
(runs ? describe : describe.skip)("a MariaDB connection killed mid-request", () => {
  let api: TestApi;
  let client: ApiClient;
  let admin: Connection;
  let database: string;
  let localeId: number;

  beforeAll(async () => {
    api = await startTestApi("mysql");
    client = await api.as(await buildUser(api.db.dataSource, ["crm", "sdr"]));
    admin = await createConnection({ uri: api.db.url });
    database = new URL(api.db.url).pathname.slice(1);
    localeId = (await mexico(api.db.dataSource)).id;
  });

  afterAll(async () => {
    await admin?.end();
    await api?.close();
  });

  const create = (name: string) => client.gql<{ createProspect: { id: string; name: string } }>(CREATE, { input: { name, companyName: `Empresa ${name}`, email: `${name.replace(/\W/g, "").toLowerCase()}@kill.example`, localeId } });

  /** The API's connections to the scratch database (the admin's own excluded), with what they run. */
  async function apiConnections(): Promise<Array<{ id: number; info: string | null; state: string | null }>> {
    const [rows] = await admin.query<RowDataPacket[]>("SELECT id, info, state FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()", [database]);
    return rows.map((r) => ({ id: Number(r.id), info: r.info as string | null, state: r.state as string | null }));
  }

  /** Rows of every table createProspect writes (the database is the suite's own). */
  async function totals(): Promise<Record<string, number>> {
    const tables = ["prospection_users", "follow_up_data", "outbox", "prospect_follow_up_comments"];
    const [rows] = await admin.query<RowDataPacket[]>(tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM ${t}`).join(" UNION ALL "));
    return Object.fromEntries(rows.map((r) => [r.t as string, Number(r.n)]));
  }

  it("should answer a clear error, leave no partial write and serve the next requests when the connection dies mid-transaction", async () => {
    const before = await totals();
    await admin.query("LOCK TABLES outbox WRITE");
    let killed: number | null = null;
    const pending = create("Conexion Cortada");
    try {
      // The transaction has inserted the account and its follow-up data; its outbox INSERT waits on the lock.
      await until(async () => {
        const waiting = (await apiConnections()).find((c) => c.info?.startsWith("INSERT INTO `outbox`") && /lock/i.test(c.state ?? ""));
        killed = waiting?.id ?? null;
        return killed !== null;
      }, undefined, 200, apiConnections);
      await admin.query(`KILL ${killed!}`);
    } finally {
      await admin.query("UNLOCK TABLES");
    }
    const answer = await pending;

    expect(answer.data?.createProspect ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error!.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
    expect(error!.message).toMatch(/database/i);
    expect(JSON.stringify(answer)).not.toMatch(/stack|at \w+ \(|PROTOCOL|ECONN|mysql/i);
    expect(await totals()).toEqual(before);
    expect((await apiConnections()).map((c) => c.id)).not.toContain(killed);

    // More requests than the pool has connections, sequential then concurrent: none gets the dead one.
    for (let i = 0; i < 6; i += 1) {
      expect((await create(`Despues Secuencial ${i}`)).errors).toBeUndefined();
    }
    const concurrent = await Promise.all(Array.from({ length: 6 }, (_, i) => create(`Despues Concurrente ${i}`)));
    expect(concurrent.map((a) => a.errors)).toEqual(concurrent.map(() => undefined));
    const grown = Object.fromEntries(Object.entries(before).map(([table, n]) => [table, n + 12]));
    expect(await totals()).toEqual(grown);
  });

  it("should serve the next request when every idle pool connection was killed (a database restart)", async () => {
    // Warm the pool, then kill all of the API's connections while idle.
    await Promise.all(Array.from({ length: 5 }, (_, i) => create(`Calentar ${i}`)));
    const idle = await apiConnections();
    expect(idle.length).toBeGreaterThan(0);
    for (const connection of idle) {
      await admin.query(`KILL ${connection.id}`);
    }
    await until(async () => (await apiConnections()).every((c) => !idle.some((dead) => dead.id === c.id)));

    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => create(`Tras Reinicio ${i}`)));
    expect(answers.map((a) => a.errors)).toEqual(answers.map(() => undefined));
  });
});
