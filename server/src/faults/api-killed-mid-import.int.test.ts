import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiClient } from "../../test/api";
import { CrmProcess, faultSuiteRuns } from "../../test/crm-processes";
import { openTestDatabase, type TestDatabase } from "../../test/databases";
import { buildUser, TEST_PASSWORD } from "../../test/factories";
import { until } from "../../test/job-fixtures";
import { seedCatalogs } from "../db/seed/catalogs.seed";
import { writeProspectCsvFile } from "../db/seed/prospect-csv.generator";
import { fromGlobalId } from "../graphql/global-id";
import { OutboxEntity } from "../jobs/outbox.entity";
import { JOBS } from "../jobs/queues";
import { AccountEntity } from "../modules/accounts/account.entity";
import type { UserEntity } from "../modules/auth/user.entity";
import { COMMIT_BATCH } from "../modules/imports/import-commit";
import { ImportEntity, ImportRowEntity } from "../modules/imports/import.entities";

const runs = faultSuiteRuns("API killed during a CSV commit fault suite");
const ROWS = 4_000;
/** Short, so the second process may take the import over within the test; each committed batch renews it. */
const LEASE_MS = "3000";
const COMMIT = `mutation($input: CommitImportInput!) { commitImport(input: $input) { id status } }`;

/*
 * A real API process (main.ts) on a MariaDB database of the test's own commits a CSV import uploaded
 * through HTTP and is SIGKILLed once some of its 1,000-row batches have committed. What it left is
 * consistent (created rows = accounts = outbox jobs), and a second API process started on the same
 * database takes the import over when the dead one's lease expires (IMPORT_LEASE_MS) and finishes it:
 * COMMITTED with exactly one account and one outbox job per row.
 */
(runs ? describe : describe.skip)("an API process killed during a CSV commit", () => {
  let db: TestDatabase;
  let dir: string;
  let sdr: UserEntity;
  const processes: CrmProcess[] = [];

  beforeAll(async () => {
    db = await openTestDatabase("mysql");
    await seedCatalogs(db.dataSource);
    dir = mkdtempSync(join(tmpdir(), "api-kill-import-"));
    sdr = await buildUser(db.dataSource, ["crm", "sdr"]);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startApi(): Promise<CrmProcess> {
    const api = await CrmProcess.api({ DATABASE_URL: db.url, IMPORT_LEASE_MS: LEASE_MS, LOG_LEVEL: "info" });
    processes.push(api);
    return api;
  }

  async function signIn(api: CrmProcess): Promise<ApiClient> {
    const client = new ApiClient(api.url);
    const login = await client.gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { email: sdr.email, password: TEST_PASSWORD } });
    expect(login.errors).toBeUndefined();
    return client;
  }

  const importRow = (id: number) => db.dataSource.getRepository(ImportEntity).findOneByOrFail({ id });

  async function counts(importId: number): Promise<{ rows: number; accounts: number; jobs: number }> {
    const ds = db.dataSource;
    return {
      rows: await ds.getRepository(ImportRowEntity).countBy({ importId, state: "created" }),
      accounts: await ds.getRepository(AccountEntity).countBy({ createdBy: sdr.id }),
      jobs: await ds.getRepository(OutboxEntity).countBy({ jobName: JOBS.respondioAddProspect }),
    };
  }

  it("should leave whole batches only, and be finished by a second process with exact counts", async () => {
    const file = join(dir, "leads.csv");
    await writeProspectCsvFile(file, { rows: ROWS, seed: 41, invalid: 0, duplicates: 0, notes: false });
    const first = await startApi();
    const client = await signIn(first);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(readFileSync(file))], { type: "text/csv" }), "leads.csv");
    const upload = await fetch(`${first.url}/api/imports`, { method: "POST", headers: { cookie: client.sessionCookie!, "apollo-require-preflight": "true" }, body: form });
    expect(upload.status).toBe(202);
    const globalId = ((await upload.json()) as { data: { csvImport: { id: string } } }).data.csvImport.id;
    const importId = fromGlobalId(globalId).id;
    await until(async () => (await importRow(importId)).status === "validated", undefined, 2000);

    const committing = await client.gql<{ commitImport: { status: string } }>(COMMIT, { input: { id: globalId } });
    expect(committing.errors).toBeUndefined();
    expect(committing.data!.commitImport.status).toBe("COMMITTING");
    // Counted, not timed: the kill comes once a batch has committed.
    await until(async () => (await importRow(importId)).createdRows > 0, undefined, 2000);
    await first.kill("SIGKILL");

    const atKill = await counts(importId);
    expect(atKill.rows).toBeGreaterThan(0);
    expect(atKill.rows).toBeLessThan(ROWS);
    expect(atKill.rows % COMMIT_BATCH).toBe(0); // whole batches
    expect(atKill).toEqual({ rows: atKill.rows, accounts: atKill.rows, jobs: atKill.rows });
    const left = await importRow(importId);
    expect([left.status, left.createdRows, left.leaseOwner]).toEqual(["committing", atKill.rows, expect.any(String)]);

    // The dead process's lease runs out (it renewed it with its last batch); then a new process resumes at boot.
    await until(async () => (await importRow(importId)).leaseUntil!.getTime() < Date.now(), undefined, 2000);
    const second = await startApi();
    await until(async () => (await importRow(importId)).status !== "committing", undefined, 2000);

    expect(await counts(importId)).toEqual({ rows: ROWS, accounts: ROWS, jobs: ROWS });
    const done = await importRow(importId);
    expect([done.status, done.createdRows, done.processedRows, done.leaseOwner]).toEqual(["committed", ROWS, ROWS, null]);
    const linked = await db.dataSource.getRepository(ImportRowEntity).createQueryBuilder("r").select("COUNT(DISTINCT r.prospect_id)", "n").where("r.import_id = :importId", { importId }).getRawOne<{ n: string }>();
    expect(Number(linked?.n)).toBe(ROWS);
    const distinctJobs = await db.dataSource.getRepository(OutboxEntity).createQueryBuilder("o").select("COUNT(DISTINCT o.job_id)", "n").getRawOne<{ n: string }>();
    expect(Number(distinctJobs?.n)).toBe(ROWS);
    expect(second.log).toContain("resuming an interrupted import commit");
    const report = await (await signIn(second)).gql<{ csvImport: { status: string; createdRows: number } }>(`query($id: ID!) { csvImport(id: $id) { status createdRows } }`, { id: globalId });
    expect(report.data?.csvImport).toEqual({ status: "COMMITTED", createdRows: ROWS });
  }, 180_000);
});
