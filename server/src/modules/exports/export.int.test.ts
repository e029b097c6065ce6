import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildApiToken, buildCompany, buildFollowUpData, buildProspect, buildUser, firstStatus, mexico } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { Viewer } from "../auth/viewer";
import { EXPORT_PATH } from "./account-export.service";

const EXPORT = `mutation($input: ExportAccountsInput!) { exportAccounts(input: $input) { url expiresAt fileName columns } }`;

interface ExportData {
  exportAccounts: { url: string; expiresAt: string; fileName: string; columns: string[] };
}

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** Parsed records (header first) when the answer is CSV. */
  records: string[][];
  json: { errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string> } }> } | null;
}

describe.each(testDialects())("CSV export on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "mdr" | "manager" | "noCrm", UserEntity>;
  let a: Record<"sdrOwn" | "assignedToSdr" | "sdr2Own" | "mdrClient" | "mdrOwn" | "removed" | "otherClient" | "formula", AccountEntity>;
  let clients: Record<string, ApiClient>;

  async function download(path: string, headers: Record<string, string> = {}): Promise<Download> {
    const response = await fetch(`${api.url}${path}`, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    const csv = (response.headers.get("content-type") ?? "").startsWith("text/csv");
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      records: csv ? (parse(bytes.toString("utf8"), { bom: true }) as string[][]) : [],
      json: csv ? null : (JSON.parse(bytes.toString("utf8")) as Download["json"]),
    };
  }

  async function exportAs(who: string, input: Record<string, unknown>): Promise<Download> {
    const res = await clients[who]!.gql<ExportData>(EXPORT, { input });
    expect(res.errors).toBeUndefined();
    return download(res.data!.exportAccounts.url);
  }

  /** Exported company names (the column after name when exporting name + companyName). */
  const companies = (d: Download) => d.records.slice(1).map((r) => r[1]).sort();
  const namesOf = (...accounts: AccountEntity[]) => accounts.map((x) => x.companyName).sort();

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      sdr: await buildUser(ds, ["crm", "sdr", "kae"]),
      sdr2: await buildUser(ds, ["crm", "sdr", "csr"]),
      mdr: await buildUser(ds, ["crm", "mdr"]),
      manager: await buildUser(ds, ["crm", "crm-manager", "all-prospects"]),
      noCrm: await buildUser(ds, []),
    };
    const mdrCompany = await buildCompany(ds, { name: "Logística del Bajío", assignedExecutiveId: users.mdr.id });
    const otherCompany = await buildCompany(ds, { name: "Otra", assignedExecutiveId: users.manager.id });
    a = {
      sdrOwn: await buildProspect(ds, users.sdr, { name: "Ana Pérez", companyName: "Abarrotes Ñandú, S.A.", email: "ana@abarrotes.mx", phone: "3311112222" }),
      assignedToSdr: await buildProspect(ds, users.manager, { salesmanId: users.sdr.id, companyName: "Asignada al SDR" }),
      sdr2Own: await buildProspect(ds, users.sdr2, { companyName: "Bodegas Beto" }),
      mdrClient: await buildProspect(ds, users.manager, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: mdrCompany.id, companyName: "Cliente del MDR" }),
      mdrOwn: await buildProspect(ds, users.mdr, { companyName: "Propia del MDR" }),
      removed: await buildProspect(ds, users.sdr, { status: AccountStatusCode.removed, companyName: "Eliminada" }),
      otherClient: await buildProspect(ds, users.manager, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: otherCompany.id, companyName: "Cliente ajeno" }),
      formula: await buildProspect(ds, users.sdr, { name: '=HYPERLINK("http://evil.example","x")', companyName: "Línea 1\nLínea 2, \"con comillas\"", email: null }),
    };
    await buildFollowUpData(ds, a.sdrOwn, { channel: "website", accountValue: 1500.5, estimatedCloseDate: "2026-12-15" });
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("visibility", () => {
    it("should export to an SDR only the accounts they created or are assigned to", async () => {
      const d = await exportAs("sdr", { columns: ["name", "companyName"] });
      expect(d.status).toBe(200);
      expect(companies(d)).toEqual(namesOf(a.sdrOwn, a.assignedToSdr, a.formula));
    });

    it("should export to another SDR none of the first SDR's accounts", async () => {
      expect(companies(await exportAs("sdr2", { columns: ["name", "companyName"] }))).toEqual(namesOf(a.sdr2Own));
    });

    it("should export to an MDR the clients of their companies plus their own", async () => {
      expect(companies(await exportAs("mdr", { columns: ["name", "companyName"] }))).toEqual(namesOf(a.mdrClient, a.mdrOwn));
    });

    it("should export to a manager every account that is not removed, and removed ones only when the filter asks", async () => {
      expect(companies(await exportAs("manager", { columns: ["name", "companyName"] }))).toEqual(namesOf(...Object.values(a).filter((x) => x !== a.removed)));
      expect(companies(await exportAs("manager", { columns: ["name", "companyName"], filter: { accountStatuses: ["REMOVED"] } }))).toEqual(namesOf(a.removed));
    });

    it("should apply the accounts search and order exactly as the accounts query does", async () => {
      const input = { filter: { types: ["PROSPECT"] }, orderBy: { field: "COMPANY_NAME", direction: "ASC" } };
      const listed = await clients.manager!.gql<{ accounts: { edges: Array<{ node: { companyName: string } }> } }>(
        `query($filter: AccountFilter, $orderBy: AccountOrder) { accounts(filter: $filter, orderBy: $orderBy, first: 100) { edges { node { companyName } } } }`,
        input,
      );
      const d = await exportAs("manager", { ...input, columns: ["name", "companyName"] });
      expect(d.records.slice(1).map((r) => r[1])).toEqual(listed.data!.accounts.edges.map((e) => e.node.companyName));
      const searched = await exportAs("sdr", { filter: { search: "Ana" }, columns: ["name", "companyName"] });
      expect(companies(searched)).toEqual(namesOf(a.sdrOwn));
    });
  });

  describe("permissions", () => {
    it("should refuse an all-prospects filter to an SDR with FORBIDDEN naming it, in the graph and at the endpoint", async () => {
      const res = await clients.sdr!.gql(EXPORT, { input: { filter: { salesmanIds: [toGlobalId("User", users.sdr.id)] } } });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.errors?.[0]?.message).toMatch(/salesmanIds/);
      const direct = await download(`${EXPORT_PATH}?filter=${encodeURIComponent(JSON.stringify({ createdAt: { from: "2020-01-01T00:00:00.000Z" } }))}`, {
        cookie: clients.sdr!.sessionCookie!,
      });
      expect(direct.status).toBe(403);
      expect(direct.json?.errors?.[0]?.message).toMatch(/createdAt/);
    });

    it("should let a manager use the salesman filter", async () => {
      const d = await exportAs("manager", { filter: { salesmanIds: [toGlobalId("User", users.sdr.id)] }, columns: ["name", "companyName"] });
      expect(companies(d)).toEqual(namesOf(a.sdrOwn, a.assignedToSdr, a.formula));
    });

    it("should refuse signed-out callers and users without crm", async () => {
      const anonymous = await api.anonymous().gql(EXPORT, { input: {} });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect((await download(EXPORT_PATH)).status).toBe(401);
      const noCrm = await clients.noCrm!.gql(EXPORT, { input: {} });
      expect(noCrm.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await download(EXPORT_PATH, { cookie: clients.noCrm!.sessionCookie! })).status).toBe(403);
    });

    it("should serve a READ token its user's accounts and refuse a token without READ", async () => {
      const { secret: reader } = await buildApiToken(api.db.dataSource, users.sdr2, { scopes: ["read"] });
      const ok = await download(`${EXPORT_PATH}?columns=name,companyName`, { authorization: `Bearer ${reader}` });
      expect(ok.status).toBe(200);
      expect(companies(ok)).toEqual(namesOf(a.sdr2Own));
      const { secret: writer } = await buildApiToken(api.db.dataSource, users.sdr2, { scopes: ["write"] });
      const refused = await download(EXPORT_PATH, { authorization: `Bearer ${writer}` });
      expect(refused.status).toBe(403);
      expect(refused.json?.errors?.[0]?.message).toMatch(/read scope/);
      const viaGraph = await api.withToken(writer).gql(EXPORT, { input: {} });
      expect(viaGraph.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await download(EXPORT_PATH, { authorization: "Bearer not-a-token" })).status).toBe(401);
      const { secret: both } = await buildApiToken(api.db.dataSource, users.sdr2, { scopes: ["read", "write"] });
      const minted = await api.withToken(both).gql<ExportData>(EXPORT, { input: { columns: ["name", "companyName"] } });
      expect(companies(await download(minted.data!.exportAccounts.url))).toEqual(namesOf(a.sdr2Own));
    });

    it("should refuse an expired, forged or foreign-signed link and a link of a deactivated user", async () => {
      const links = api.services.accountExports.links;
      const request = { filter: null, orderBy: null, columns: ["name" as const] };
      const expired = links.sign(users.sdr.id, request, new Date(Date.now() - 10 * 60_000));
      expect((await download(`${EXPORT_PATH}?link=${expired.token}`)).status).toBe(403);
      const valid = links.sign(users.sdr.id, request);
      const [body, mac] = valid.token.split(".");
      const payload = JSON.parse(Buffer.from(body!, "base64url").toString("utf8")) as { u: number };
      payload.u = users.manager.id;
      const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
      const refused = await download(`${EXPORT_PATH}?link=${forged}`);
      expect(refused.status).toBe(403);
      expect(refused.json?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await download(`${EXPORT_PATH}?link=${valid.token}`)).status).toBe(200);
      // A HEAD probe checks the link but reads no account: over a probe and a full download, one account SELECT.
      const { result: probe, statements } = await api.counter.count(async () => {
        const head = await fetch(`${api.url}${EXPORT_PATH}?link=${valid.token}`, { method: "HEAD" });
        await download(`${EXPORT_PATH}?link=${valid.token}`);
        return head;
      });
      expect([probe.status, probe.headers.get("content-type")]).toEqual([200, "text/csv; charset=utf-8"]);
      expect(statements.filter((sql) => /FROM [`"]?prospection_users[`"]? [`"]?a[`"]?/.test(sql))).toHaveLength(1);
      const gone = await buildUser(api.db.dataSource, ["crm", "sdr"], { active: false });
      expect((await download(`${EXPORT_PATH}?link=${links.sign(gone.id, request).token}`)).status).toBe(403);
    });
  });

  describe("file", () => {
    it("should be UTF-8 with a BOM, RFC 4180 quoted, dated, with headers the import reads and formulas neutralised", async () => {
      const res = await clients.sdr!.gql<ExportData>(EXPORT, { input: { allColumns: true } });
      const { url, fileName, columns, expiresAt } = res.data!.exportAccounts;
      expect(fileName).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
      const d = await download(url);
      expect(d.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(d.headers.get("content-disposition")).toBe(`attachment; filename="${fileName}"`);
      expect([...d.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(d.bytes.toString("utf8")).toContain('"Línea 1\nLínea 2, ""con comillas"""');
      const [header, ...rows] = d.records;
      expect(header!.slice(0, 5)).toEqual(["name", "company_name", "email", "phone_code", "phone"]);
      expect(header).toContain("country");
      expect(header).toContain("follow_up_status");
      expect(header!.length).toBe(columns.length + 2); // phone and next activity are two columns each
      const byName = new Map(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
      expect(byName.get("Ana Pérez")).toMatchObject({
        company_name: "Abarrotes Ñandú, S.A.",
        email: "ana@abarrotes.mx",
        phone_code: "52",
        phone: "3311112222",
        country: "MX",
        channel: "website",
        account_value: "1500.50",
        estimated_close_date: "2026-12-15",
        type: "PROSPECT",
        salesman_email: users.sdr.email,
      });
      expect(byName.has(`'=HYPERLINK("http://evil.example","x")`)).toBe(true);
    });

    it("should use the visible columns of the user's list preferences when no columns are named", async () => {
      const saved = await clients.sdr2!.gql(`mutation($input: SaveTablePreferencesInput!) { saveTablePreferences(input: $input) { view } }`, {
        input: { view: "LIST", columns: [{ key: "email", visible: true }, { key: "name", visible: true }, { key: "companyName", visible: false }] },
      });
      expect(saved.errors).toBeUndefined();
      const res = await clients.sdr2!.gql<ExportData>(EXPORT, { input: {} });
      expect(res.data?.exportAccounts.columns).toEqual(["email", "name"]);
      expect((await download(res.data!.exportAccounts.url)).records[0]).toEqual(["email", "name"]);
    });

    it("should answer BAD_USER_INPUT naming an unknown or repeated column and a malformed filter", async () => {
      const res = await clients.sdr!.gql(EXPORT, { input: { columns: ["name", "shoeSize", "name"] } });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toEqual(["columns[1]", "columns[2]"]);
      const cookie = { cookie: clients.sdr!.sessionCookie! };
      const bad = await download(`${EXPORT_PATH}?filter=${encodeURIComponent('{"types":["ALIEN"]}')}&orderBy=nope`, cookie);
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.json?.errors?.[0]?.extensions?.fields ?? {}).sort()).toEqual(["filter", "orderBy"]);
      const long = await download(`${EXPORT_PATH}?filter=${encodeURIComponent(JSON.stringify({ search: "x".repeat(101) }))}`, cookie);
      expect(Object.keys(long.json?.errors?.[0]?.extensions?.fields ?? {})).toEqual(["filter.search"]);
    });
  });

  describe("streaming", () => {
    const volume = 2503;
    let owner: UserEntity;
    let viewer: Viewer;
    const accountSelects = (statements: string[]) => statements.filter((s) => /FROM [`"]?prospection_users[`"]? [`"]?a[`"]?/.test(s));

    beforeAll(async () => {
      const ds = api.db.dataSource;
      // Their own SDR: the export runs through the visibility SQL, and the other tests' sets stay as they are.
      owner = await buildUser(ds, ["crm", "sdr"]);
      viewer = new Viewer(owner.id, owner.email, owner.name, ["crm", "sdr"]);
      const [status, locale] = await Promise.all([firstStatus(ds), mexico(ds)]);
      for (let start = 0; start < volume; start += 500) {
        const rows = Array.from({ length: Math.min(500, volume - start) }, (_, k) => ({
          name: `Volumen ${start + k}`,
          companyName: `Empresa volumen ${start + k}`,
          email: `volumen${start + k}@example.com`,
          followUpId: status.id,
          localeId: locale.id,
          type: AccountTypeCode.prospect,
          status: AccountStatusCode.inProcess,
          createdBy: owner.id,
          salesmanId: owner.id,
        }));
        await ds.getRepository(AccountEntity).insert(rows);
      }
    });

    afterAll(async () => {
      await api?.db.dataSource.getRepository(AccountEntity).delete({ createdBy: owner.id });
    });

    it("should read the visible set in keyset batches of 500 (4 statements each) and write before the last batch is read", async () => {
      const service = api.services.accountExports;
      const request = await service.prepare(viewer, { allColumns: true });
      const total = volume;
      let records = 0;
      let statementsAtFirstWrite = -1;
      const sink = new Writable({
        highWaterMark: 1024,
        write(chunk: Buffer, _encoding, callback) {
          records += (chunk.toString("utf8").match(/\r\n/g) ?? []).length;
          if (statementsAtFirstWrite < 0 && records > 1) {
            // The first account rows reach the client while later batches are still unread.
            statementsAtFirstWrite = api.counter.statements.length;
          }
          setImmediate(callback);
        },
      });
      const { result, statements } = await api.counter.count(() => service.write(viewer, request, sink));
      const batches = Math.ceil(total / 500);
      expect(result).toEqual({ rows: total, batches });
      expect(records).toBe(total + 1);
      expect(accountSelects(statements)).toHaveLength(batches);
      // accounts, users, follow-up data, activity: one each per batch, nothing per row.
      expect(statements).toHaveLength(batches * 4);
      expect(statementsAtFirstWrite).toBeGreaterThan(0);
      expect(statementsAtFirstWrite).toBeLessThan(statements.length);
    });

    it("should stop reading batches when the receiver goes away mid-file", async () => {
      const service = api.services.accountExports;
      const request = await service.prepare(viewer, { columns: ["name", "email"] });
      let received = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received += (chunk.toString("utf8").match(/\r\n/g) ?? []).length;
          // A browser closing the tab once the first accounts arrived.
          callback(received > 1 ? new Error("client went away") : null);
        },
      });
      const { result, statements } = await api.counter.count(() => service.write(viewer, request, sink).then(() => "finished", (error: Error) => error.message));
      expect(result).toBe("client went away");
      expect(accountSelects(statements).length).toBeLessThanOrEqual(2);
      expect(accountSelects(statements).length).toBeLessThan(Math.ceil(volume / 500));
    });
  });
});
