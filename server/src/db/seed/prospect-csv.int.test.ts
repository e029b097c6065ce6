import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { COMMIT, readReport, uploadAndValidate } from "../../../test/import-harness";
import { AccountEntity } from "../../modules/accounts/account.entity";
import type { UserEntity } from "../../modules/auth/user.entity";
import { writeProspectCsv, type ExistingAccount, type ProspectCsvCounts, type ProspectCsvOptions } from "./prospect-csv.generator";

async function generate(options: ProspectCsvOptions): Promise<{ file: Buffer; counts: ProspectCsvCounts }> {
  const chunks: Buffer[] = [];
  const { Writable } = await import("node:stream");
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const counts = await writeProspectCsv(options, sink);
  return { file: Buffer.concat(chunks), counts };
}

/** The generator's promised counts are what the real import pipeline reports, and commits. */
describe.each(testDialects())("generated prospect CSV through the import on %s", (dialect) => {
  let api: TestApi;
  let sdr: UserEntity;
  let client: ApiClient;
  let existing: ExistingAccount[];

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const owner = await buildUser(ds, ["crm", "sdr"]);
    sdr = await buildUser(ds, ["crm", "sdr"]);
    client = await api.as(sdr);
    // Another SDR's accounts: duplicates are found outside the importer's scope too.
    const accounts = [];
    for (let i = 0; i < 6; i += 1) {
      accounts.push(await buildProspect(ds, owner, { companyName: `Envíos Peñasco ${i}` }));
    }
    existing = accounts.map((a) => ({ email: a.email, phoneCode: a.phoneCode, phone: a.phone, companyName: a.companyName }));
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should validate a 1,200-row file to exactly the generator's counts and commit exactly its valid rows", async () => {
    const { file, counts } = await generate({ rows: 1200, seed: 11, invalid: 0.06, duplicates: 0.04, existingDuplicates: 0.005, existing });
    expect(counts).toMatchObject({ valid: 1074, invalid: 72, duplicates: 54, duplicatesOfExisting: 6 });
    const id = await uploadAndValidate(api, client, file, "expo-leads.csv");
    const report = await readReport(client, id);
    expect([report.status, report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual(["VALIDATED", 1200, 1074, 72, 54]);
    expect(report.unmappedColumns).toEqual(["notes"]);
    const before = await api.db.dataSource.getRepository(AccountEntity).countBy({ createdBy: sdr.id });
    expect((await client.gql(COMMIT, { input: { id } })).errors).toBeUndefined();
    await api.services.imports.runner.idle();
    expect((await readReport(client, id)).createdRows).toBe(1074);
    expect(await api.db.dataSource.getRepository(AccountEntity).countBy({ createdBy: sdr.id })).toBe(before + 1074);
  });

  it("should give the same counts with Spanish headers, semicolons, LF and no BOM, into the database the first file filled", async () => {
    const { file, counts } = await generate({ rows: 300, seed: 12, invalid: 0.1, duplicates: 0.1, headers: "spanish", delimiter: ";", lineEnding: "lf", bom: false });
    const id = await uploadAndValidate(api, client, file, "leads-es.csv");
    const report = await readReport(client, id);
    expect([report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual([300, counts.valid, counts.invalid, counts.duplicates]);
    expect(report.unmappedColumns).toEqual(["Notas"]);
  });

  it("should give the same counts for a Windows-1252 file (Excel in Mexico)", async () => {
    const { file, counts } = await generate({ rows: 300, seed: 13, invalid: 0.1, duplicates: 0.1, encoding: "windows-1252", headers: "spanish" });
    expect(file.includes(0xf1) || file.includes(0xe9)).toBe(true);
    const id = await uploadAndValidate(api, client, file, "excel-es.csv");
    const report = await readReport(client, id);
    expect([report.status, report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual(["VALIDATED", 300, counts.valid, counts.invalid, counts.duplicates]);
    expect(report.rows.edges.some(({ node }) => node.values.some((v) => /[ñáéíóú]/.test(v.value)))).toBe(true);
  });
});
