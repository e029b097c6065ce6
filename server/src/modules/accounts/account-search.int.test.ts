import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildProspect, buildUser } from "../../../test/factories";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "./account.entity";

const ACCOUNTS = `query Accounts($filter: AccountFilter, $first: Int, $after: String, $orderBy: AccountOrder) {
  accounts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { legacyId } }
  }
}`;

interface AccountsData {
  accounts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { legacyId: number } }> };
}

const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12, 0, 0));

/**
 * The accounts search runs one indexed branch per column (name, company name, email, phone)
 * and pages their union; these cases pin what it matches, its order and its cursors.
 */
describe.each(testDialects())("accounts search on %s", (dialect) => {
  let api: TestApi;
  let searcher: ApiClient;
  let manager: ApiClient;
  let mdr: ApiClient;
  let x: Record<"byName" | "byCompany" | "byEmail" | "twice" | "sameTime" | "removed" | "client" | "phone1" | "phone2" | "phone3" | "others" | "unrelated", AccountEntity>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const sdr = await buildUser(ds, ["crm", "sdr"]);
    const other = await buildUser(ds, ["crm", "sdr"]);
    const mdrUser = await buildUser(ds, ["crm", "mdr"]);
    const boss = await buildUser(ds, ["crm", "crm-manager"]);
    const company = await buildCompany(ds, { name: "Rosedal Logística", assignedExecutiveId: mdrUser.id });
    const own = (overrides: Partial<AccountEntity>) => buildProspect(ds, sdr, { phone: null, ...overrides });
    x = {
      byName: await own({ name: "Rosa Méndez", companyName: "Florería Central", email: "contacto@floreria.mx", createdAt: at(3) }),
      byCompany: await own({ name: "Jaime Ortiz", companyName: "Rosales Hermanos", email: "jaime@hermanos.mx", createdAt: at(9) }),
      byEmail: await own({ name: "Paula Ríos", companyName: "Papelería Ríos", email: "rosalba.rios@correo.mx", createdAt: at(5) }),
      // Matches in three columns: listed once.
      twice: await own({ name: "Roselia Vega", companyName: "Rosticería Vega", email: "roselia@vega.mx", createdAt: at(7) }),
      // Same created_at as byEmail: the id breaks the tie.
      sameTime: await own({ name: "Rosendo Paz", companyName: "Paz y Asociados", email: null, createdAt: at(5) }),
      removed: await own({ name: "Rosaura Baja", status: AccountStatusCode.removed, createdAt: at(8) }),
      client: await buildProspect(ds, boss, { name: "Ernesto Lara", companyName: "Rosedal Logística", type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id, phone: null, createdAt: at(4) }),
      phone1: await own({ name: "Teresa Uribe", companyName: "Uribe Textil", email: null, phone: "3312345678", createdAt: at(10) }),
      phone2: await own({ name: "Tomás Uribe", companyName: "Uribe Calzado", email: null, phone: "3312340000", createdAt: at(11) }),
      phone3: await own({ name: "Tania Uribe", companyName: "Uribe Dulces", email: null, phone: "5512345678", createdAt: at(12) }),
      others: await buildProspect(ds, other, { name: "Rosario Ajena", phone: null, createdAt: at(6) }),
      unrelated: await own({ name: "Mendoza Rosas", companyName: "La Rosa", email: "mendoza@rosas.mx", createdAt: at(2) }),
    };
    searcher = await api.as(sdr);
    manager = await api.as(boss);
    mdr = await api.as(mdrUser);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Every page of a search, `first` at a time, in the order the connection returns them. */
  const walk = async (client: ApiClient, filter: Record<string, unknown>, first: number, orderBy?: Record<string, string>) => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: { data?: AccountsData | null; errors?: unknown } = await client.gql<AccountsData>(ACCOUNTS, { filter, first, after, orderBy });
      expect(res.errors).toBeUndefined();
      seen.push(...(res.data?.accounts.edges.map((e) => e.node.legacyId) ?? []));
      after = res.data?.accounts.pageInfo.hasNextPage ? res.data.accounts.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    return seen;
  };

  it("should list the prefix matches of every column once each, newest first, across pages", async () => {
    // byEmail and sameTime share created_at: the higher id comes first (DESC).
    const [tieFirst, tieSecond] = x.byEmail.id > x.sameTime.id ? [x.byEmail, x.sameTime] : [x.sameTime, x.byEmail];
    const expected = [x.byCompany, x.twice, tieFirst, tieSecond, x.byName].map((a) => a.id);
    for (const first of [1, 2, 3, 100]) {
      expect(await walk(searcher, { search: "ros" }, first)).toEqual(expected);
    }
  });

  it("should page a search by name and by company name too", async () => {
    const byName = [x.byCompany, x.byName, x.byEmail, x.twice, x.sameTime].sort((p, q) => p.name.localeCompare(q.name) || p.id - q.id).map((a) => a.id);
    expect(await walk(searcher, { search: "ros" }, 2, { field: "NAME", direction: "ASC" })).toEqual(byName);
    const byCompany = [x.byCompany, x.byName, x.byEmail, x.twice, x.sameTime]
      .sort((p, q) => (p.companyName < q.companyName ? 1 : p.companyName > q.companyName ? -1 : q.id - p.id))
      .map((a) => a.id);
    expect(await walk(searcher, { search: "ros" }, 2, { field: "COMPANY_NAME", direction: "DESC" })).toEqual(byCompany);
  });

  it("should count the matches, not the rows of every column", async () => {
    const res = await searcher.gql<AccountsData>(ACCOUNTS, { filter: { search: "ros" }, first: 1 });
    expect(res.data?.accounts.totalCount).toBe(5);
    expect(res.data?.accounts.pageInfo.hasNextPage).toBe(true);
  });

  it("should match the start of a field only, not a word inside it", async () => {
    expect(await walk(searcher, { search: "méndez" }, 10)).toEqual([]);
    expect(await walk(searcher, { search: "mendoza" }, 10)).toEqual([x.unrelated.id]);
    expect(await walk(searcher, { search: "rosalba.rios@" }, 10)).toEqual([x.byEmail.id]);
  });

  it("should keep the other filters and the scope inside every branch", async () => {
    expect(await walk(searcher, { search: "ros", accountStatuses: ["REMOVED"] }, 10)).toEqual([x.removed.id]);
    expect(await walk(searcher, { search: "ros", types: ["CLIENT"] }, 10)).toEqual([]);
    expect(await walk(mdr, { search: "ros" }, 10)).toEqual([x.client.id]);
    expect(await walk(manager, { search: "rosario" }, 10)).toEqual([x.others.id]);
    expect(await walk(searcher, { search: "rosario" }, 10)).toEqual([]);
  });

  it("should match a phone prefix written with spaces, dashes, parentheses or a plus", async () => {
    expect(await walk(searcher, { search: "3312" }, 1)).toEqual([x.phone2.id, x.phone1.id]);
    expect(await walk(searcher, { search: "(33) 1234-56" }, 10)).toEqual([x.phone1.id]);
    expect(await walk(searcher, { search: "+55 1234" }, 10)).toEqual([x.phone3.id]);
    // Digits inside a number are not its prefix.
    expect(await walk(searcher, { search: "12345678" }, 10)).toEqual([]);
  });
});
