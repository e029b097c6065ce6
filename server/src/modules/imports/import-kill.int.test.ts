import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildUser } from "../../../test/factories";
import { uploadAndValidate } from "../../../test/import-harness";
import { writeProspectCsvFile } from "../../db/seed/prospect-csv.generator";
import { fromGlobalId } from "../../graphql/global-id";
import { OutboxEntity } from "../../jobs/outbox.entity";
import { JOBS } from "../../jobs/queues";
import { AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import type { CommitOptions } from "./import-commit";
import { ImportEntity, ImportRowEntity } from "./import.entities";

const SERVER_DIR = resolve(__dirname, "../../..");
const ROWS = 5_000;

/*
 * A real crash: a child process commits an import and is SIGKILLed after its first batches.
 * What it left must be consistent (every created row has its account and outbox job, nothing
 * else), and the resume must finish with exact counts.
 */
describe.each(testDialects())("a commit killed midway on %s", (dialect) => {
  let api: TestApi;
  let sdr: UserEntity;
  let dir: string;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    sdr = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    dir = mkdtempSync(join(tmpdir(), "import-kill-"));
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function counts(importId: number): Promise<{ rows: number; accounts: number; jobs: number }> {
    const ds = api.db.dataSource;
    return {
      rows: await ds.getRepository(ImportRowEntity).countBy({ importId, state: "created" }),
      accounts: await ds.getRepository(AccountEntity).countBy({ createdBy: sdr.id }),
      jobs: await ds.getRepository(OutboxEntity).countBy({ jobName: JOBS.respondioAddProspect }),
    };
  }

  it("should leave exactly the committed batches after SIGKILL and resume from the rest", async () => {
    const file = join(dir, "leads.csv");
    await writeProspectCsvFile(file, { rows: ROWS, seed: 23, invalid: 0, duplicates: 0, notes: false });
    const importId = fromGlobalId(await uploadAndValidate(api, await api.as(sdr), readFileSync(file))).id;
    const ds = api.db.dataSource;
    const options: CommitOptions = { skipDuplicates: true, committedBy: sdr.id, committedByName: sdr.name, salesmanId: sdr.id, followUpStatusId: null };
    await ds.getRepository(ImportEntity).update({ id: importId }, { status: "committing", options, processedRows: 0, leaseOwner: "child", leaseUntil: new Date(Date.now() + 600_000) });

    const child = spawn(process.execPath, ["-r", "@swc-node/register", join(SERVER_DIR, "test/import-commit-child.ts"), api.db.url, String(importId), "child"], {
      cwd: SERVER_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    let running = true;
    void exited.then(() => (running = false));
    while (running && (await ds.getRepository(ImportEntity).findOneByOrFail({ id: importId })).createdRows === 0) {
      await sleep(20);
    }
    child.kill("SIGKILL");
    await exited;
    expect(stderr).toBe("");

    const atKill = await counts(importId);
    expect(atKill.rows).toBeGreaterThan(0);
    expect(atKill.rows).toBeLessThan(ROWS); // killed midway, not after the end
    expect(atKill).toEqual({ rows: atKill.rows, accounts: atKill.rows, jobs: atKill.rows });
    expect((await ds.getRepository(ImportEntity).findOneByOrFail({ id: importId })).createdRows).toBe(atKill.rows);

    // The child is dead; its lease would expire in minutes, so expire it now instead of waiting.
    await ds.getRepository(ImportEntity).update({ id: importId }, { leaseUntil: new Date(Date.now() - 1000) });
    expect(await api.services.imports.runner.resumeInterrupted()).toEqual([importId]);
    await api.services.imports.runner.idle();

    expect(await counts(importId)).toEqual({ rows: ROWS, accounts: ROWS, jobs: ROWS });
    const done = await ds.getRepository(ImportEntity).findOneByOrFail({ id: importId });
    expect([done.status, done.createdRows, done.processedRows]).toEqual(["committed", ROWS, ROWS]);
    const linked = await ds.getRepository(ImportRowEntity).createQueryBuilder("r").select("COUNT(DISTINCT r.prospect_id)", "n").where("r.import_id = :importId", { importId }).getRawOne<{ n: number | string }>();
    expect(Number(linked?.n)).toBe(ROWS);
  }, 180_000);
});
