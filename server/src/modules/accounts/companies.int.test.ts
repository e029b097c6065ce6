import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildProspect, buildUser } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "./account.entity";

const COMPANIES = `query Companies($search: String, $first: Int, $after: String) {
  companies(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id name taxId assignedExecutive { name } } }
  }
}`;

interface CompaniesData {
  companies: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; name: string; taxId: string | null; assignedExecutive: { name: string } | null } }>;
  };
}

const names = (data: CompaniesData | null | undefined) => data?.companies.edges.map((e) => e.node.name);

describe.each(testDialects())("Query.companies on %s", (dialect) => {
  let api: TestApi;
  let sdr: ApiClient;
  let noCrm: ApiClient;
  let executiveName: string;
  let ownProspect: AccountEntity;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const sdrUser = await buildUser(ds, ["crm", "sdr"]);
    const mdr = await buildUser(ds, ["crm", "mdr"], { name: "Marta MDR" });
    executiveName = mdr.name;
    for (const [name, taxId] of [
      ["Logística del Bajío", "LBA010101AB1"],
      ["Logistica Norte", null],
      ["Lonas 100% Mexicanas", null],
      ["Lonas_MX", null],
      ["Abarrotes Ana", "AAN990101XY2"],
      ["Zapatería Centro", "ZCE850505QQ3"],
    ] as const) {
      await buildCompany(ds, { name, taxId, assignedExecutiveId: mdr.id });
    }
    // A client account of someone else's company: the search must not reveal it.
    const other = await buildUser(ds, ["crm", "sdr"]);
    const company = await buildCompany(ds, { name: "Cliente Oculto" });
    await buildProspect(ds, other, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id, name: "Contacto secreto" });
    ownProspect = await buildProspect(ds, sdrUser);
    sdr = await api.as(sdrUser);
    noCrm = await api.as(await buildUser(ds, []));
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should find companies by a case-insensitive name prefix", async () => {
    const res = await sdr.gql<CompaniesData>(COMPANIES, { search: "  LOG " });
    expect(res.errors).toBeUndefined();
    // Their order is the collation's (MariaDB folds accents, SQLite compares code points).
    expect(names(res.data)?.sort()).toEqual(["Logistica Norte", "Logística del Bajío"]);
    expect(res.data?.companies.totalCount).toBe(2);
  });

  it("should find an accented name when the search has the accent", async () => {
    const res = await sdr.gql<CompaniesData>(COMPANIES, { search: "logís" });
    expect(names(res.data)).toContain("Logística del Bajío");
  });

  it("should find a company by its tax id prefix, in any case", async () => {
    const res = await sdr.gql<CompaniesData>(COMPANIES, { search: "zce85" });
    expect(res.data?.companies.edges.map((e) => e.node)).toEqual([
      { id: expect.any(String), name: "Zapatería Centro", taxId: "ZCE850505QQ3", assignedExecutive: { name: executiveName } },
    ]);
  });

  it("should treat % and _ in the search as plain characters", async () => {
    expect(names((await sdr.gql<CompaniesData>(COMPANIES, { search: "Lonas 100%" })).data)).toEqual(["Lonas 100% Mexicanas"]);
    expect(names((await sdr.gql<CompaniesData>(COMPANIES, { search: "Lonas_" })).data)).toEqual(["Lonas_MX"]);
    expect(names((await sdr.gql<CompaniesData>(COMPANIES, { search: "%" })).data)).toEqual([]);
  });

  it("should not match the middle of a name", async () => {
    const res = await sdr.gql<CompaniesData>(COMPANIES, { search: "Bajío" });
    expect(res.data?.companies.totalCount).toBe(0);
  });

  it("should page through every company exactly once with first/after", async () => {
    const all = await sdr.gql<CompaniesData>(COMPANIES, { first: 100 });
    expect(all.data?.companies.totalCount).toBe(7);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof sdr.gql<CompaniesData>>> = await sdr.gql<CompaniesData>(COMPANIES, { first: 3, after });
      expect(res.errors).toBeUndefined();
      expect(res.data?.companies.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...(names(res.data) ?? []));
      after = res.data?.companies.pageInfo.hasNextPage ? res.data.companies.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(names(all.data));
  });

  it("should return Company ids that convertToClient accepts as companyId", async () => {
    const found = await sdr.gql<CompaniesData>(COMPANIES, { search: "Abarrotes" });
    const companyId = found.data?.companies.edges[0]?.node.id;
    expect(companyId).toEqual(expect.any(String));
    const res = await sdr.gql<{ convertToClient: { __typename: string; company: { name: string } } }>(
      `mutation($input: ConvertToClientInput!) { convertToClient(input: $input) { __typename ... on Client { company { name } } } }`,
      { input: { accountId: toGlobalId("Account", ownProspect.id), version: ownProspect.version, companyId } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.convertToClient).toEqual({ __typename: "Client", company: { name: "Abarrotes Ana" } });
  });

  it("should reveal no account of a company (no account field exists on Company)", async () => {
    const res = await sdr.gql(`{ companies(search: "Cliente") { edges { node { accounts { id } } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("should answer BAD_USER_INPUT for a bad cursor, page size or an overlong search", async () => {
    for (const [variables, field] of [
      [{ after: "nope" }, "after"],
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
      [{ search: "x".repeat(101) }, "search"],
    ] as const) {
      const res = await sdr.gql(COMPANIES, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toHaveProperty(field);
    }
  });

  it("should refuse a signed-out caller with UNAUTHENTICATED", async () => {
    const res = await api.anonymous().gql(COMPANIES, { search: "a" });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });

  it("should refuse a user without crm with FORBIDDEN", async () => {
    const res = await noCrm.gql(COMPANIES, { search: "a" });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.data).toBeNull();
  });

  it("should load the assigned executives of a page in one statement", async () => {
    const { result, statements } = await api.counter.count(() => sdr.gql<CompaniesData>(COMPANIES, { first: 100 }));
    expect(result.errors).toBeUndefined();
    expect(statements.filter((sql) => /\busers\b/.test(sql) && !/\bsessions\b/.test(sql))).toHaveLength(1);
  });
});
