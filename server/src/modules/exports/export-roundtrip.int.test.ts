import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildFollowUpData, buildProspect, buildUser } from "../../../test/factories";
import { COMMIT, readReport, uploadAndValidate } from "../../../test/import-harness";
import { toGlobalId } from "../../graphql/global-id";
import { AccountEntity } from "../accounts/account.entity";

const EXPORT = `mutation($input: ExportAccountsInput!) { exportAccounts(input: $input) { url } }`;

/** What an import can carry of an account: the fields compared across the round trip. */
function importable(a: AccountEntity, channel: string | null) {
  return { name: a.name, companyName: a.companyName, email: a.email, phoneCode: a.phone ? a.phoneCode : null, phone: a.phone, localeId: a.localeId, followUpId: a.followUpId, channel };
}

async function exportFile(api: TestApi, client: ApiClient): Promise<string> {
  const res = await client.gql<{ exportAccounts: { url: string } }>(EXPORT, { input: { allColumns: true, orderBy: { field: "NAME", direction: "ASC" } } });
  expect(res.errors).toBeUndefined();
  const response = await fetch(`${api.url}${res.data!.exportAccounts.url}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

describe.each(testDialects())("CSV export → import round trip on %s", (dialect) => {
  let source: TestApi;
  let target: TestApi;
  let accounts: AccountEntity[];
  let channels: Map<number, string | null>;
  let sourceManager: ApiClient;
  let csv: string;

  beforeAll(async () => {
    source = await startTestApi(dialect);
    target = await startTestApi(dialect);
    const ds = source.db.dataSource;
    const manager = await buildUser(ds, ["crm", "crm-manager", "all-prospects"]);
    accounts = [
      await buildProspect(ds, manager, { name: "Ana Pérez Núñez", companyName: "Abarrotes Ñandú, S.A. de C.V.", email: "ana@nandu.mx", phone: "3311112222" }),
      await buildProspect(ds, manager, { name: '=HYPERLINK("http://evil.example","x")', companyName: "Fórmulas \"La Perla\"\nSucursal 2", email: "formula@perla.mx", phone: null, phoneCode: null }),
      await buildProspect(ds, manager, { name: "-Guion inicial", companyName: "+Más Envíos", email: null, phone: "8110002000" }),
      await buildProspect(ds, manager, { name: "@Arroba", companyName: "Logística; punto y coma", email: "arroba@logistica.mx", phone: "5544443333" }),
      await buildProspect(ds, manager, { name: "José Ángel Zúñiga", companyName: "Café Xóchitl", email: "jose@xochitl.mx", phone: "2221234567" }),
    ];
    await buildFollowUpData(ds, accounts[0]!, { channel: "website" });
    await buildFollowUpData(ds, accounts[4]!, { channel: "referral" });
    channels = new Map(accounts.map((a, i) => [a.id, i === 0 ? "website" : i === 4 ? "referral" : null]));
    sourceManager = await source.as(manager);
    csv = await exportFile(source, sourceManager);
  });

  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it("should report every exported account as a duplicate of itself when the file is imported back", async () => {
    const id = await uploadAndValidate(source, sourceManager, csv, "accounts-export.csv");
    const report = await readReport(sourceManager, id);
    expect([report.status, report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual(["VALIDATED", 5, 0, 0, 5]);
    const duplicateOf = report.rows.edges.map(({ node }) => node.duplicateOf?.accountId).sort();
    expect(duplicateOf).toEqual(accounts.map((a) => toGlobalId("Account", a.id)).sort());
    expect(report.unmappedColumns).toEqual(expect.arrayContaining(["type", "salesman_email", "created_at"]));
  });

  it("should create the same accounts (name, company, email, phone, country, status, channel) from the file in another database", async () => {
    const importer = await buildUser(target.db.dataSource, ["crm", "sdr"]);
    const client = await target.as(importer);
    const id = await uploadAndValidate(target, client, csv, "accounts-export.csv");
    const validated = await readReport(client, id);
    expect([validated.validRows, validated.invalidRows, validated.duplicateRows]).toEqual([5, 0, 0]);
    const committed = await client.gql(COMMIT, { input: { id } });
    expect(committed.errors).toBeUndefined();
    await target.services.imports.runner.idle();
    expect((await readReport(client, id)).createdRows).toBe(5);

    const created = await target.db.dataSource.getRepository(AccountEntity).find({ where: { createdBy: importer.id } });
    const createdChannels = new Map<number, string | null>();
    for (const account of created) {
      const rows: Array<{ channel: string | null }> = await target.db.dataSource.query("SELECT channel FROM follow_up_data WHERE prospect_id = ?", [account.id]);
      createdChannels.set(account.id, rows[0]?.channel ?? null);
    }
    const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);
    // An account without a channel arrives with the import's own channel, csv_import.
    expect(created.map((a) => importable(a, createdChannels.get(a.id) ?? null)).sort(byName)).toEqual(
      accounts.map((a) => importable(a, channels.get(a.id) ?? "csv_import")).sort(byName),
    );
  });
});
