import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { buildImport } from "../../../test/import-factories";
import { COMMIT, corpusFile, readReport, rowSummary, uploadAndValidate, uploadCsv } from "../../../test/import-harness";
import { toGlobalId } from "../../graphql/global-id";
import { OutboxEntity } from "../../jobs/outbox.entity";
import { respondioAddProspectJobId } from "../../jobs/queues";
import { AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { ProspectNoteEntity } from "../notes/note.entities";
import { ImportEntity, ImportRowEntity } from "./import.entities";

/** Every tricky file of the corpus with the report it must give (rows: `number state [columns]`). */
const CORPUS: Array<{ file: string; totals: [number, number, number, number]; unmapped: string[]; rows: string[] }> = [
  { file: "utf8-bom-comma.csv", totals: [3, 3, 0, 0], unmapped: [], rows: ["2 valid", "3 valid", "4 valid"] },
  { file: "latin1-semicolon.csv", totals: [3, 3, 0, 0], unmapped: [], rows: ["2 valid", "3 valid", "4 valid"] },
  { file: "quoted-multiline.csv", totals: [3, 3, 0, 0], unmapped: [], rows: ["2 valid", "3 valid", "4 valid"] },
  { file: "blank-lines-trailing.csv", totals: [2, 2, 0, 0], unmapped: [], rows: ["3 valid", "6 valid"] },
  { file: "extra-columns.csv", totals: [2, 2, 0, 0], unmapped: ["Notas", "LinkedIn", "Nombre"], rows: ["2 valid", "3 valid"] },
  { file: "utf16le-tab.csv", totals: [1, 1, 0, 0], unmapped: [], rows: ["2 valid"] },
  { file: "header-only.csv", totals: [0, 0, 0, 0], unmapped: [], rows: [] },
  {
    file: "missing-cells.csv",
    totals: [7, 1, 6, 0],
    unmapped: [],
    rows: ["2 valid", "3 invalid company_name", "4 invalid email", "5 invalid phone", "6 invalid country", "7 invalid follow_up_status", "9 invalid company_name,email"],
  },
];

describe.each(testDialects())("CSV imports on %s", (dialect) => {
  let api: TestApi;
  let sdr: UserEntity;
  let sdr2: UserEntity;
  let manager: UserEntity;
  let asSdr: ApiClient;
  let asSdr2: ApiClient;
  let asManager: ApiClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    sdr = await buildUser(ds, ["crm", "sdr"]);
    sdr2 = await buildUser(ds, ["crm", "sdr"]);
    manager = await buildUser(ds, ["crm", "crm-manager", "crm-edit-salesman-prospect"]);
    [asSdr, asSdr2, asManager] = [await api.as(sdr), await api.as(sdr2), await api.as(manager)];
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("validation report", () => {
    it.each(CORPUS)("should report $file exactly, writing no account", async ({ file, totals, unmapped, rows }) => {
      const accountsBefore = await api.db.dataSource.getRepository(AccountEntity).count();
      const id = await uploadAndValidate(api, asSdr, corpusFile(file), file);
      const report = await readReport(asSdr, id);
      expect({ status: report.status, error: report.error }).toEqual({ status: "VALIDATED", error: null });
      expect([report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual(totals);
      expect(report.processedRows).toBe(totals[0]);
      expect(report.unmappedColumns).toEqual(unmapped);
      expect(rowSummary(report)).toEqual(rows);
      expect(await api.db.dataSource.getRepository(AccountEntity).count()).toBe(accountsBefore);
    });

    it("should keep decoded values (accents, quotes, newlines) per template column", async () => {
      const latin1 = await readReport(asSdr, await uploadAndValidate(api, asSdr, corpusFile("latin1-semicolon.csv")));
      expect(latin1.rows.edges[0]!.node.values).toEqual([
        { column: "name", value: "Begoña Ibáñez" },
        { column: "company_name", value: "Distribuidora Peñón" },
        { column: "email", value: "begona@penon.mx" },
        { column: "phone", value: "8112345678" },
        { column: "monthly_shipments", value: "51-200" },
      ]);
      const quoted = await readReport(asSdr, await uploadAndValidate(api, asSdr, corpusFile("quoted-multiline.csv")));
      expect(quoted.rows.edges.map((e) => e.node.values[1]!.value)).toEqual(['Transportes "El Rápido"', "Bodega\r\nNorte", 'Comercial "La Esquina", S.A.']);
    });

    it("should name the column and the rule of each invalid row", async () => {
      const report = await readReport(asSdr, await uploadAndValidate(api, asSdr, corpusFile("missing-cells.csv")), ["INVALID"]);
      const byRow = Object.fromEntries(report.rows.edges.map((e) => [e.node.rowNumber, e.node.errors]));
      expect(byRow[3]).toEqual([{ column: "company_name", message: "is required" }]);
      expect(byRow[4]).toEqual([{ column: "email", message: "must be a valid email address" }]);
      expect(byRow[6]).toEqual([{ column: "country", message: '"Narnia" is not a country (use an ISO code such as MX or a name such as México)' }]);
      expect(byRow[7]).toEqual([{ column: "follow_up_status", message: '"Estado Inventado" is not a follow-up status' }]);
      expect(report.rows.totalCount).toBe(6);
    });

    it("should find duplicates within the file and against accounts, naming the account only to those who see it", async () => {
      const existing = await buildProspect(api.db.dataSource, sdr2, { companyName: "Ya Existe S.A.", email: "otro@existe.mx" });
      const id = await uploadAndValidate(api, asSdr, corpusFile("duplicates.csv"));
      const report = await readReport(asSdr, id);
      expect([report.totalRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual([7, 3, 0, 4]);
      expect(rowSummary(report)).toEqual(["2 valid", "3 duplicate row 2", "4 valid", "5 duplicate row 4", "6 duplicate row 2", "7 duplicate account", "8 valid"]);
      const rows = Object.fromEntries(report.rows.edges.map((e) => [e.node.rowNumber, e.node]));
      expect(rows[3]!.errors).toEqual([{ column: "email", message: "same email as row 2" }]);
      expect(rows[5]!.errors).toEqual([{ column: "phone", message: "same phone number as row 4" }]);
      expect(rows[6]!.errors).toEqual([{ column: "company_name", message: "same company name as row 2" }]);
      expect(rows[7]!.duplicateOf).toEqual({ row: null, accountExists: true, accountId: null });
      expect(rows[7]!.errors).toEqual([{ column: "company_name", message: "an account with the same company name already exists" }]);
      const managerView = await readReport(asManager, id, ["DUPLICATE"]);
      expect(managerView.rows.edges.find((e) => e.node.rowNumber === 7)!.node.duplicateOf!.accountId).toBe(toGlobalId("Account", existing.id));
    });
  });

  describe("commitImport", () => {
    it("should create each valid row once with follow-up data, a note and one outbox job, and nothing the second time", async () => {
      const id = await uploadAndValidate(api, asSdr, corpusFile("utf8-bom-comma.csv"));
      const first = await asSdr.gql<{ commitImport: { status: string } }>(COMMIT, { input: { id } });
      expect(first.errors).toBeUndefined();
      expect(first.data!.commitImport.status).toBe("COMMITTING");
      await api.services.imports.runner.idle();
      const report = await readReport(asSdr, id);
      expect([report.status, report.createdRows, report.validRows, report.processedRows]).toEqual(["COMMITTED", 3, 3, 3]);
      const ids = report.rows.edges.map((e) => e.node.prospectId);
      expect(ids.every((pid) => pid !== null)).toBe(true);

      const ds = api.db.dataSource;
      const rows = await ds.getRepository(ImportRowEntity).findBy({ importId: Number(Buffer.from(id, "base64url").toString().split(":")[1]) });
      const prospectIds = rows.map((r) => r.prospectId!).sort((a, b) => a - b);
      const accounts = await ds.getRepository(AccountEntity).createQueryBuilder("a").where("a.id IN (:...ids)", { ids: prospectIds }).orderBy("a.id").getMany();
      expect(accounts.map((a) => [a.name, a.companyName, a.email, a.phoneCode, a.phone, a.salesmanId, a.createdBy, a.type])).toEqual([
        ["Ana López", "Logística del Bajío", "ana@bajio.mx", "52", "4421234567", sdr.id, sdr.id, 1],
        ["José Peña", "Envíos Ñandú", "jose@nandu.mx", "52", "5512345678", sdr.id, sdr.id, 1],
        ["Zoë Müller", "Café Größe", "zoe@grosse.com", "1", "2025550143", sdr.id, sdr.id, 1],
      ]);
      expect(accounts.map((a) => a.companyNameKey)).toEqual(["logistica del bajio", "envios nandu", "cafe große"]);
      const followUps = await ds.getRepository(FollowUpDataEntity).createQueryBuilder("f").where("f.prospect_id IN (:...ids)", { ids: prospectIds }).getMany();
      expect(followUps.map((f) => f.channel)).toEqual(["csv_import", "csv_import", "csv_import"]);
      const outbox = await ds.getRepository(OutboxEntity).createQueryBuilder("o").where("o.job_id IN (:...jobIds)", { jobIds: prospectIds.map(respondioAddProspectJobId) }).getCount();
      expect(outbox).toBe(3);
      const notes = await ds.getRepository(ProspectNoteEntity).createQueryBuilder("n").where("n.prospect_id IN (:...ids)", { ids: prospectIds }).getMany();
      expect(notes.map((n) => n.comment).sort()).toEqual([2, 3, 4].map((row) => `Prospecto importado por ${sdr.name} (leads.csv, fila ${row})`));

      const again = await asSdr.gql<{ commitImport: { status: string; createdRows: number } }>(COMMIT, { input: { id } });
      await api.services.imports.runner.idle();
      expect(again.data!.commitImport).toEqual({ id, status: "COMMITTED", createdRows: 3 });
      expect(await ds.getRepository(AccountEntity).countBy({ email: "ana@bajio.mx" })).toBe(1);
    });

    it("should skip rows that became duplicates after the validation, and refuse invalid rows unless skipInvalid", async () => {
      const id = await uploadAndValidate(api, asSdr, corpusFile("missing-cells.csv"));
      const refused = await asSdr.gql(COMMIT, { input: { id, skipInvalid: false } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: { skipInvalid: "6 rows are invalid: fix them in the file and upload it again, or commit with skipInvalid: true" } });
      await buildProspect(api.db.dataSource, sdr2, { email: "gaby@soto.mx", companyName: "Otra Soto" });
      const committed = await asSdr.gql(COMMIT, { input: { id } });
      expect(committed.errors).toBeUndefined();
      await api.services.imports.runner.idle();
      const report = await readReport(asSdr, id);
      expect([report.status, report.createdRows, report.validRows, report.invalidRows, report.duplicateRows]).toEqual(["COMMITTED", 0, 0, 6, 1]);
      expect(report.rows.edges[0]!.node).toMatchObject({ rowNumber: 2, state: "DUPLICATE", duplicateOf: { row: null, accountExists: true, accountId: null } });
    });

    it("should create duplicates too with skipDuplicates false, for the chosen salesman and status", async () => {
      const id = await uploadAndValidate(api, asManager, corpusFile("duplicates.csv"), "dups.csv");
      const catalogs = await api.services.catalogs.all();
      const status = catalogs.followUpStatuses[2]!;
      const res = await asManager.gql(COMMIT, { input: { id, skipDuplicates: false, salesmanId: toGlobalId("User", sdr2.id), followUpStatusId: status.id } });
      expect(res.errors).toBeUndefined();
      await api.services.imports.runner.idle();
      const report = await readReport(asManager, id);
      expect([report.status, report.createdRows]).toEqual(["COMMITTED", 7]);
      const created = await api.db.dataSource.getRepository(AccountEntity).findBy({ createdBy: manager.id });
      expect(created.filter((a) => a.salesmanId === sdr2.id && a.followUpId === status.id)).toHaveLength(7);
    });

    it("should refuse another salesman without crm-edit-salesman-prospect and an unknown status", async () => {
      const id = await uploadAndValidate(api, asSdr, corpusFile("utf16le-tab.csv"));
      const forbidden = await asSdr.gql(COMMIT, { input: { id, salesmanId: toGlobalId("User", sdr2.id) } });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const badStatus = await asSdr.gql(COMMIT, { input: { id, followUpStatusId: 999999 } });
      expect(badStatus.errors?.[0]?.extensions?.fields).toEqual({ followUpStatusId: "999999 is not an active follow-up status" });
      expect((await readReport(asSdr, id)).status).toBe("VALIDATED");
    });
  });

  describe("rows and states", () => {
    it("should page rows by row number with a cursor and filter them by state", async () => {
      const id = await uploadAndValidate(api, asSdr, corpusFile("missing-cells.csv"));
      const page = `query($id: ID!, $after: String) { csvImport(id: $id) { rows(first: 3, after: $after, states: [INVALID]) { totalCount pageInfo { hasNextPage endCursor } edges { node { rowNumber } } } } }`;
      type Page = { csvImport: { rows: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { rowNumber: number } }> } } };
      const first = await asSdr.gql<Page>(page, { id });
      expect(first.data!.csvImport.rows.edges.map((e) => e.node.rowNumber)).toEqual([3, 4, 5]);
      expect([first.data!.csvImport.rows.totalCount, first.data!.csvImport.rows.pageInfo.hasNextPage]).toEqual([6, true]);
      const second = await asSdr.gql<Page>(page, { id, after: first.data!.csvImport.rows.pageInfo.endCursor });
      expect(second.data!.csvImport.rows.edges.map((e) => e.node.rowNumber)).toEqual([6, 7, 9]);
      expect(second.data!.csvImport.rows.pageInfo.hasNextPage).toBe(false);
      const bad = await asSdr.gql(page, { id, after: "not-a-cursor" });
      expect(bad.errors?.[0]?.extensions?.fields).toEqual({ after: "is not a cursor returned by this connection" });
    });

    it("should refuse to commit an import that is still validating or failed during validation, with CONFLICT", async () => {
      for (const status of ["validating", "failed"] as const) {
        const imp = await buildImport(api.db.dataSource, sdr, { status });
        const res = await asSdr.gql(COMMIT, { input: { id: toGlobalId("CsvImport", imp.id) } });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "NOT_VALIDATED", status });
      }
      const wrongKind = await asSdr.gql(COMMIT, { input: { id: toGlobalId("Account", 1) } });
      expect(wrongKind.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("visibility", () => {
    it("should show an import to its uploader and managers only, NOT_FOUND for others, reads and commits alike", async () => {
      const id = await uploadAndValidate(api, asSdr, corpusFile("blank-lines-trailing.csv"));
      const other = await asSdr2.gql(`query($id: ID!) { csvImport(id: $id) { id } }`, { id });
      expect(other.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(other.data).toBeNull();
      const commit = await asSdr2.gql(COMMIT, { input: { id } });
      expect(commit.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect((await readReport(asSdr, id)).status).toBe("VALIDATED");
      expect((await readReport(asManager, id)).totalRows).toBe(2);

      const list = `{ csvImports(first: 100) { edges { node { id user { id } } } } }`;
      const sdr2List = await asSdr2.gql<{ csvImports: { edges: Array<{ node: { id: string; user: { id: string } } }> } }>(list);
      expect(sdr2List.data!.csvImports.edges.every((e) => e.node.user.id === toGlobalId("User", sdr2.id))).toBe(true);
      const sdrList = await asSdr.gql<{ csvImports: { edges: Array<{ node: { id: string } }> } }>(list);
      expect(sdrList.data!.csvImports.edges[0]!.node.id).toBe(id);
      const managerList = await asManager.gql<{ csvImports: { edges: Array<{ node: { id: string } }> } }>(list);
      expect(managerList.data!.csvImports.edges.map((e) => e.node.id)).toContain(id);
    });
  });

  describe("POST /api/imports", () => {
    const ok = "name,company_name,email\nAna,Acme,ana@acme.mx\n";

    it("should refuse signed-out callers (401), users without crm (403) and cookie uploads without a CSRF header (400)", async () => {
      expect((await uploadCsv(api, null, ok)).status).toBe(401);
      const noCrm = await api.as(await buildUser(api.db.dataSource, ["sdr"]));
      const forbidden = await uploadCsv(api, noCrm, ok);
      expect([forbidden.status, forbidden.body.errors?.[0]?.extensions.code]).toEqual([403, "FORBIDDEN"]);
      const csrf = await uploadCsv(api, asSdr, ok, "a.csv", {});
      expect([csrf.status, csrf.body.errors?.[0]?.extensions.reason]).toEqual([400, "CSRF"]);
    });

    it("should take a Bearer token with WRITE scope and refuse a READ-only one", async () => {
      const write = await tokenOf(asSdr, "WRITE");
      const read = await tokenOf(asSdr, "READ");
      const accepted = await uploadCsv(api, null, ok, "token.csv", { authorization: `Bearer ${write}` });
      expect(accepted.status).toBe(202);
      const refused = await uploadCsv(api, null, ok, "token.csv", { authorization: `Bearer ${read}` });
      expect(refused.status).toBe(403);
      await api.services.imports.runner.idle();
    });

    it.each([
      ["binary.csv", 415, "BINARY_FILE"],
      ["workbook.csv", 415, "SPREADSHEET_FILE"],
      ["no-header.csv", 400, "NO_HEADER"],
      ["missing-columns.csv", 400, "MISSING_COLUMNS"],
      ["empty.csv", 400, "EMPTY_FILE"],
      ["unclosed-quote.csv", 400, "MALFORMED_CSV"],
    ])("should refuse %s with %i and reason %s, recording no import", async (file, status, reason) => {
      const before = await api.db.dataSource.getRepository(ImportEntity).count();
      const answer = await uploadCsv(api, asSdr, corpusFile(file), file);
      expect([answer.status, answer.body.errors?.[0]?.extensions.code, answer.body.errors?.[0]?.extensions.reason]).toEqual([status, "BAD_USER_INPUT", reason]);
      expect(answer.body.errors?.[0]?.message.length).toBeGreaterThan(10);
      expect(await api.db.dataSource.getRepository(ImportEntity).count()).toBe(before);
    });

    it("should refuse too many rows and too many bytes (declared or streamed) with 413", async () => {
      const limits = api.services.imports.limits;
      api.services.imports.limits = { maxBytes: 4096, maxRows: 5 };
      try {
        const rows = `name,company_name,email\n${Array.from({ length: 6 }, (_, i) => `N${i},C${i},n${i}@x.mx`).join("\n")}\n`;
        const tooMany = await uploadCsv(api, asSdr, rows);
        expect([tooMany.status, tooMany.body.errors?.[0]?.extensions.reason]).toEqual([413, "TOO_MANY_ROWS"]);
        const declared = await uploadCsv(api, asSdr, `name,company_name,email\n${"x".repeat(200_000)}\n`);
        expect([declared.status, declared.body.errors?.[0]?.extensions.reason]).toEqual([413, "FILE_TOO_LARGE"]);
        api.services.imports.limits = { maxBytes: 4096 + 70 * 1024, maxRows: 5 };
        const streamed = await uploadCsv(api, asSdr, `name,company_name,email\n${"y".repeat(20_000)}\n`);
        expect([streamed.status, streamed.body.errors?.[0]?.extensions.reason]).toEqual([202, undefined]);
        api.services.imports.limits = { maxBytes: 10_000, maxRows: 5 };
        const counted = await uploadCsv(api, asSdr, `name,company_name,email\n${"z".repeat(30_000)}\n`);
        expect([counted.status, counted.body.errors?.[0]?.extensions.reason]).toEqual([413, "FILE_TOO_LARGE"]);
      } finally {
        api.services.imports.limits = limits;
        await api.services.imports.runner.idle();
      }
    });

    it("should answer 400 NO_FILE without a file part, and serve the template", async () => {
      const form = new FormData();
      form.append("note", "no file");
      const response = await fetch(`${api.url}/api/imports`, { method: "POST", headers: { cookie: asSdr.sessionCookie!, "apollo-require-preflight": "1" }, body: form });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: Array<{ extensions: { reason: string } }> }).errors[0]!.extensions.reason).toBe("NO_FILE");
      const template = await fetch(`${api.url}/api/imports/template.csv`);
      expect(template.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const bytes = Buffer.from(await template.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toBe("name,company_name,email,phone_code,phone,country,follow_up_status,monthly_shipments,channel");
    });
  });

  async function tokenOf(client: ApiClient, scope: "READ" | "WRITE"): Promise<string> {
    const res = await client.gql<{ createApiToken: { secret: string } }>(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { name: `import ${scope}`, scopes: [scope] },
    });
    return res.data!.createApiToken.secret;
  }
});
