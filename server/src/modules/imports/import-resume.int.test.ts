import pino from "pino";
import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildUser } from "../../../test/factories";
import { buildImport } from "../../../test/import-factories";
import { COMMIT } from "../../../test/import-harness";
import { toGlobalId } from "../../graphql/global-id";
import { OutboxEntity } from "../../jobs/outbox.entity";
import { respondioAddProspectJobId } from "../../jobs/queues";
import { AccountEntity, AccountTypeCode } from "../accounts/account.entity";
import { insertProspects } from "../accounts/prospect-insert";
import type { UserEntity } from "../auth/user.entity";
import type { CatalogService } from "../catalogs/catalog.service";
import { commitImport, type CommitOptions } from "./import-commit";
import { CatalogLookup } from "./import-row-rules";
import { ImportRunner } from "./import-runner";
import { LeaseLostError } from "./import-validate";
import { ImportEntity, ImportRowEntity, type ImportStatus } from "./import.entities";

const ROWS = 6;
const CREATED_BEFORE = 2;

describe.each(testDialects())("interrupted imports on %s", (dialect) => {
  let api: TestApi;
  let sdr: UserEntity;
  let run = 0;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    sdr = await buildUser(api.db.dataSource, ["crm", "sdr"]);
  });

  afterAll(async () => {
    await api?.close();
  });

  /**
   * An import as a process killed mid-commit leaves it: committing, options stored, its
   * lease held by a dead owner, the first batch's rows created (prospects, outbox and the
   * row marks written together, as commitBatch does), the rest still valid.
   */
  async function interruptedImport(status: ImportStatus, leaseUntil: Date | null): Promise<{ imp: ImportEntity; emails: string[] }> {
    run += 1;
    const ds = api.db.dataSource;
    const emails = Array.from({ length: ROWS }, (_, i) => `resume${run}-${i}@example.mx`);
    const imp = await buildImport(ds, sdr, {
      status,
      rows: emails.map((email, i) => ({ rowNumber: i + 2, data: { name: `Fila ${i}`, company_name: `Reanudada ${run}-${i}`, email } })),
    });
    const options: CommitOptions = { skipDuplicates: true, committedBy: sdr.id, committedByName: sdr.name, salesmanId: sdr.id, followUpStatusId: null };
    await ds.getRepository(ImportEntity).update({ id: imp.id }, { options, leaseOwner: "dead-process", leaseUntil });
    await ds.transaction(async (manager) => {
      const lookup = new CatalogLookup(await api.services.catalogs.all());
      const rows = await manager.getRepository(ImportRowEntity).find({ where: { importId: imp.id }, order: { rowNumber: "ASC" }, take: CREATED_BEFORE });
      const ids = await insertProspects(
        manager,
        rows.map((row) => ({ ...lookupValue(lookup, row.data), type: AccountTypeCode.prospect, createdBy: sdr.id, salesmanId: sdr.id, creationNote: "antes" })),
      );
      for (const [i, row] of rows.entries()) {
        await manager.getRepository(ImportRowEntity).update({ id: row.id }, { state: "created", prospectId: ids[i]! });
      }
      await manager.getRepository(ImportEntity).update({ id: imp.id }, { createdRows: CREATED_BEFORE, processedRows: CREATED_BEFORE });
    });
    return { imp, emails };
  }

  function lookupValue(lookup: CatalogLookup, data: Record<string, string>) {
    const locale = lookup.catalogs.locales[0]!;
    const status = lookup.catalogs.followUpStatuses[0]!;
    return { name: data.name!, companyName: data.company_name!, email: data.email!, phoneCode: null, phone: null, localeId: locale.id, followUpStatusId: status.id, monthlyShipmentId: null, channel: null };
  }

  async function accountsWith(emails: string[]): Promise<AccountEntity[]> {
    return api.db.dataSource.getRepository(AccountEntity).createQueryBuilder("a").where("a.email IN (:...emails)", { emails }).getMany();
  }

  async function expectCompleted(imp: ImportEntity, emails: string[]): Promise<void> {
    const ds = api.db.dataSource;
    const after = await ds.getRepository(ImportEntity).findOneByOrFail({ id: imp.id });
    expect([after.status, after.createdRows, after.leaseOwner]).toEqual(["committed", ROWS, null]);
    const accounts = await accountsWith(emails);
    expect(accounts.map((a) => a.email).sort()).toEqual([...emails].sort());
    const rows = await ds.getRepository(ImportRowEntity).findBy({ importId: imp.id });
    expect(rows.map((r) => r.state)).toEqual(Array(ROWS).fill("created"));
    expect(new Set(rows.map((r) => r.prospectId))).toEqual(new Set(accounts.map((a) => a.id)));
    const jobs = await ds.getRepository(OutboxEntity).createQueryBuilder("o").where("o.job_id IN (:...ids)", { ids: accounts.map((a) => respondioAddProspectJobId(a.id)) }).getCount();
    expect(jobs).toBe(ROWS);
  }

  it("should resume a commit left by a dead process from the rows not yet created, once, when two processes boot at once", async () => {
    const { imp, emails } = await interruptedImport("committing", new Date(Date.now() - 1000));
    expect(await accountsWith(emails)).toHaveLength(CREATED_BEFORE);
    const other = new ImportRunner(api.db.dataSource, api.services.catalogs, pino({ level: "silent" }));
    const [mine, theirs] = await Promise.all([api.services.imports.runner.resumeInterrupted(), other.resumeInterrupted()]);
    expect([...mine, ...theirs]).toEqual([imp.id]);
    await Promise.all([api.services.imports.runner.idle(), other.idle()]);
    await expectCompleted(imp, emails);
  });

  it("should not claim again an import its own process is still committing when a batch outlasted the lease", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The commit task waits on its catalogs until the test opens the gate: a batch still running.
    const held = { all: async () => (await gate, api.services.catalogs.all()) } as unknown as CatalogService;
    const runner = new ImportRunner(api.db.dataSource, held, pino({ level: "silent" }));
    const { imp, emails } = await interruptedImport("committing", new Date(Date.now() - 1000));
    expect(await runner.resumeInterrupted()).toEqual([imp.id]);
    await api.db.dataSource.getRepository(ImportEntity).update({ id: imp.id }, { leaseUntil: new Date(Date.now() - 1000) });
    expect(await runner.resumeInterrupted()).toEqual([]);
    open();
    await runner.idle();
    await expectCompleted(imp, emails);
  });

  it("should leave alone a commit whose lease another live process still holds", async () => {
    const { imp, emails } = await interruptedImport("committing", new Date(Date.now() + 60_000));
    expect(await api.services.imports.runner.resumeInterrupted()).toEqual([]);
    await api.services.imports.runner.idle();
    const after = await api.db.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: imp.id });
    expect([after.status, after.leaseOwner]).toEqual(["committing", "dead-process"]);
    expect(await accountsWith(emails)).toHaveLength(CREATED_BEFORE);
    await api.db.dataSource.getRepository(ImportEntity).update({ id: imp.id }, { status: "failed" });
  });

  it("should roll a batch back when its process lost the lease to another", async () => {
    const { imp, emails } = await interruptedImport("committing", new Date(Date.now() + 60_000));
    const lookup = new CatalogLookup(await api.services.catalogs.all());
    const options = (await api.db.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: imp.id })).options as CommitOptions;
    await expect(commitImport(api.db.dataSource, lookup, imp.id, imp.filename, options, "not-the-owner")).rejects.toBeInstanceOf(LeaseLostError);
    expect(await accountsWith(emails)).toHaveLength(CREATED_BEFORE);
    await api.db.dataSource.getRepository(ImportEntity).update({ id: imp.id }, { status: "failed" });
  });

  it("should let commitImport continue a commit that failed midway, with its first options", async () => {
    const { imp, emails } = await interruptedImport("failed", null);
    const client = await api.as(sdr);
    const res = await client.gql<{ commitImport: { status: string } }>(COMMIT, { input: { id: toGlobalId("CsvImport", imp.id), skipDuplicates: false } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.commitImport.status).toBe("COMMITTING");
    await api.services.imports.runner.idle();
    await expectCompleted(imp, emails);
    expect(((await api.db.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: imp.id })).options as CommitOptions).skipDuplicates).toBe(true);
  });

  it("should mark a validation interrupted by a restart failed, naming why", async () => {
    const imp = await buildImport(api.db.dataSource, sdr, { status: "validating" });
    await api.db.dataSource.getRepository(ImportEntity).update({ id: imp.id }, { leaseOwner: "dead-process", leaseUntil: new Date(Date.now() - 1000) });
    expect(await api.services.imports.runner.resumeInterrupted()).toEqual([]);
    const after = await api.db.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: imp.id });
    expect([after.status, after.error]).toEqual(["failed", "The validation was interrupted (the server restarted); upload the file again"]);
  });
});
