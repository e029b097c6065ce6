import { createConnection } from "mysql2/promise";
import { testFlags } from "../src/config/env";
import { createDataSource } from "../src/db/data-source";
import { createScratchDatabase, type ScratchDatabase } from "../src/db/scratch-database";
import { testDialects } from "../test/databases";
import { assertBenchDatabase, prepareBenchDatabase } from "./bench-database";

/** Runs SQL in the scratch database `url`. */
async function run(url: string, sql: string): Promise<unknown> {
  const connection = await createConnection({ uri: url });
  try {
    const [rows] = await connection.query(sql);
    return rows;
  } finally {
    await connection.end();
  }
}

const serverOf = (url: string): string => {
  const server = new URL(url);
  server.pathname = "";
  return server.toString().replace(/\/$/, "");
};
const nameOf = (url: string): string => new URL(url).pathname.replace(/^\//, "");

// The bench runs on MariaDB only; without it (CRM_TEST_MARIADB unset) there is nothing to guard.
(testDialects().includes("mysql") ? describe : describe.skip)("bench database guard (MariaDB)", () => {
  let scratch: ScratchDatabase;

  beforeEach(async () => {
    scratch = await createScratchDatabase("mysql", testFlags().mariadbUrl, "crm_benchguard");
  });

  afterEach(async () => {
    await scratch?.drop();
  });

  it("should refuse to drop and reseed a database that holds tables but no bench_seed marker", async () => {
    await run(scratch.url, "CREATE TABLE keep_me (id INT PRIMARY KEY)");
    await run(scratch.url, "INSERT INTO keep_me (id) VALUES (7)");
    const logs: string[] = [];
    await expect(prepareBenchDatabase({ serverUrl: serverOf(scratch.url), name: nameOf(scratch.url), accounts: 1, log: (m) => logs.push(m) })).rejects.toThrow(
      /not a bench database/,
    );
    expect(await run(scratch.url, "SELECT id FROM keep_me")).toEqual([{ id: 7 }]);
    expect(logs.filter((m) => /reseed|seeding|seeded/.test(m))).toEqual([]);
  });

  it("should accept an empty database and one carrying the bench_seed table", async () => {
    const dataSource = await createDataSource(scratch.url);
    await dataSource.initialize();
    try {
      await expect(assertBenchDatabase(dataSource, nameOf(scratch.url))).resolves.toBeUndefined();
      await run(scratch.url, "CREATE TABLE bench_seed (fingerprint VARCHAR(64) NOT NULL)");
      await run(scratch.url, "CREATE TABLE prospection_users (id INT PRIMARY KEY)");
      await expect(assertBenchDatabase(dataSource, nameOf(scratch.url))).resolves.toBeUndefined();
      await run(scratch.url, "DROP TABLE bench_seed");
      await expect(assertBenchDatabase(dataSource, nameOf(scratch.url))).rejects.toThrow(/holds tables \(prospection_users\) and no bench_seed table/);
    } finally {
      await dataSource.destroy();
    }
  });
});
