import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildCompanyNote, buildFollowUpData, buildNote, buildProspect, buildUser, firstStatus } from "../../../test/factories";
import { ChannelEntity, EcommerceTypeEntity, LocaleEntity } from "../catalogs/catalog.entities";
import type { UserEntity } from "../auth/user.entity";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "./account.entity";

const ACCOUNTS = `query Accounts($filter: AccountFilter, $first: Int, $after: String, $orderBy: AccountOrder) {
  accounts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id legacyId __typename type status name companyName } }
  }
}`;

interface AccountsData {
  accounts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; legacyId: number; __typename: string; type: string; status: string; name: string } }>;
  };
}

const ids = (data: AccountsData | null | undefined) => (data?.accounts.edges.map((e) => e.node.legacyId) ?? []).sort((a, b) => a - b);
const sorted = (accounts: AccountEntity[]) => accounts.map((a) => a.id).sort((a, b) => a - b);

describe.each(testDialects())("Query.accounts on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "mdr" | "manager" | "allProspects" | "noCrm", UserEntity>;
  let a: Record<"sdrOwn" | "assignedToSdr" | "sdr2Own" | "mdrClient" | "mdrOwn" | "removed" | "partner" | "otherClient", AccountEntity>;
  let clients: Record<string, ApiClient>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      sdr: await buildUser(ds, ["crm", "sdr", "kae"]),
      sdr2: await buildUser(ds, ["crm", "sdr", "csr"]),
      mdr: await buildUser(ds, ["crm", "mdr"]),
      manager: await buildUser(ds, ["crm", "crm-manager"]),
      allProspects: await buildUser(ds, ["crm", "all-prospects"]),
      noCrm: await buildUser(ds, []),
    };
    const mdrCompany = await buildCompany(ds, { name: "Logística del Bajío", assignedExecutiveId: users.mdr.id });
    const otherCompany = await buildCompany(ds, { name: "Otra", assignedExecutiveId: users.manager.id });
    const second = await firstStatus(ds, 1);
    a = {
      sdrOwn: await buildProspect(ds, users.sdr, { name: "Ana Pérez", companyName: "Abarrotes Ana", email: "ana@abarrotes.mx", phone: "3311112222" }),
      assignedToSdr: await buildProspect(ds, users.manager, { salesmanId: users.sdr.id, followUpId: second.id }),
      sdr2Own: await buildProspect(ds, users.sdr2, { name: "Beto", companyName: "Bodegas Beto" }),
      mdrClient: await buildProspect(ds, users.manager, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: mdrCompany.id, salesmanId: users.manager.id }),
      mdrOwn: await buildProspect(ds, users.mdr),
      removed: await buildProspect(ds, users.sdr, { status: AccountStatusCode.removed }),
      partner: await buildProspect(ds, users.sdr, { type: AccountTypeCode.partnerProspect }),
      otherClient: await buildProspect(ds, users.manager, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: otherCompany.id }),
    };
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should show an SDR only the accounts they created or are assigned to", async () => {
    const res = await clients.sdr!.gql<AccountsData>(ACCOUNTS);
    expect(res.errors).toBeUndefined();
    expect(ids(res.data)).toEqual(sorted([a.sdrOwn, a.assignedToSdr, a.partner]));
    expect(res.data?.accounts.totalCount).toBe(3);
  });

  it("should show another SDR none of the first SDR's accounts", async () => {
    const res = await clients.sdr2!.gql<AccountsData>(ACCOUNTS);
    expect(ids(res.data)).toEqual([a.sdr2Own.id]);
  });

  it("should show an MDR the clients of their companies plus their own", async () => {
    const res = await clients.mdr!.gql<AccountsData>(ACCOUNTS);
    expect(ids(res.data)).toEqual(sorted([a.mdrClient, a.mdrOwn]));
  });

  it.each(["manager", "allProspects"])("should show %s every account that is not removed", async (who) => {
    const res = await clients[who]!.gql<AccountsData>(ACCOUNTS, { first: 100 });
    expect(ids(res.data)).toEqual(sorted(Object.values(a).filter((x) => x !== a.removed)));
  });

  it("should resolve each account to its concrete type", async () => {
    const res = await clients.manager!.gql<AccountsData>(ACCOUNTS, { first: 100 });
    const byId = new Map(res.data?.accounts.edges.map((e) => [e.node.legacyId, e.node]));
    expect(byId.get(a.partner.id)).toMatchObject({ __typename: "PartnerProspect", type: "PARTNER_PROSPECT", status: "IN_PROCESS" });
    expect(byId.get(a.mdrClient.id)).toMatchObject({ __typename: "Client", type: "CLIENT", status: "REGISTERED" });
    expect(byId.get(a.sdrOwn.id)).toMatchObject({ __typename: "Prospect", type: "PROSPECT" });
  });

  it("should refuse anonymous callers with UNAUTHENTICATED", async () => {
    const res = await api.anonymous().gql(ACCOUNTS);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });

  it("should refuse a signed-in user without the crm permission with FORBIDDEN", async () => {
    const res = await clients.noCrm!.gql(ACCOUNTS);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("should hide removed accounts unless the filter asks for them", async () => {
    const res = await clients.sdr!.gql<AccountsData>(ACCOUNTS, { filter: { accountStatuses: ["REMOVED"] } });
    expect(ids(res.data)).toEqual([a.removed.id]);
  });

  describe("account(id) and node(id)", () => {
    const ACCOUNT = `query($id: ID!) { account(id: $id) { id legacyId name } }`;
    const NODE = `query($id: ID!) { node(id: $id) { id ... on Account { legacyId } } }`;

    it("should return an account in scope by its global id", async () => {
      const res = await clients.sdr!.gql<{ account: { legacyId: number } }>(ACCOUNT, { id: toGlobalId("Account", a.sdrOwn.id) });
      expect(res.data?.account.legacyId).toBe(a.sdrOwn.id);
      const node = await clients.sdr!.gql<{ node: { legacyId: number } }>(NODE, { id: toGlobalId("Account", a.sdrOwn.id) });
      expect(node.data?.node.legacyId).toBe(a.sdrOwn.id);
    });

    it.each([
      ["sdr2", "sdrOwn"],
      ["sdr", "sdr2Own"],
      ["mdr", "sdrOwn"],
      ["mdr", "otherClient"],
      ["sdr", "mdrClient"],
    ] as const)("should answer NOT_FOUND when %s asks for %s", async (who, which) => {
      const id = toGlobalId("Account", a[which].id);
      for (const query of [ACCOUNT, NODE]) {
        const res = await clients[who]!.gql(query, { id });
        expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      }
    });

    it("should answer BAD_USER_INPUT for a malformed id", async () => {
      const res = await clients.sdr!.gql(ACCOUNT, { id: "not-an-id" });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toContain("not-an-id");
    });

    it("should answer BAD_USER_INPUT for a user id where an account id is expected", async () => {
      const res = await clients.sdr!.gql(ACCOUNT, { id: toGlobalId("User", users.sdr.id) });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("filters", () => {
    const filterIds = async (who: string, filter: Record<string, unknown>) => {
      const res = await clients[who]!.gql<AccountsData>(ACCOUNTS, { filter, first: 100 });
      expect(res.errors).toBeUndefined();
      return ids(res.data);
    };

    it("should match a prefix of name, company name, email or phone", async () => {
      expect(await filterIds("sdr", { search: "ana p" })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { search: "Abarrotes" })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { search: "ana@abarrotes" })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { search: "33 1111" })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { search: "%" })).toEqual([]);
    });

    it("should never widen the scope through a search", async () => {
      expect(await filterIds("sdr", { search: "Beto" })).toEqual([]);
    });

    it("should filter by status, type and locale", async () => {
      expect(await filterIds("sdr", { statusIds: [a.assignedToSdr.followUpId] })).toEqual([a.assignedToSdr.id]);
      expect(await filterIds("sdr", { types: ["PARTNER_PROSPECT"] })).toEqual([a.partner.id]);
      expect(await filterIds("manager", { types: ["CLIENT"] })).toEqual(sorted([a.mdrClient, a.otherClient]));
      const mx = await api.db.dataSource.getRepository(LocaleEntity).findOneByOrFail({ code: "MX" });
      expect(await filterIds("sdr", { localeIds: [mx.id] })).toHaveLength(3);
      expect(await filterIds("sdr", { localeIds: [mx.id + 1000] })).toEqual([]);
    });

    it("should filter by ecommerce type, account size and channel through follow-up data", async () => {
      const ds = api.db.dataSource;
      const [ecommerce] = await ds.getRepository(EcommerceTypeEntity).find({ take: 1 });
      const [channel] = await ds.getRepository(ChannelEntity).find({ take: 1 });
      await buildFollowUpData(ds, a.sdrOwn, { ecommerceTypeId: ecommerce!.id, accountType: "enterprise", channel: channel!.key });
      expect(await filterIds("sdr", { ecommerceTypeIds: [ecommerce!.id] })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { accountSizes: ["ENTERPRISE"] })).toEqual([a.sdrOwn.id]);
      expect(await filterIds("sdr", { accountSizes: ["CORPORATE"] })).toEqual([]);
      expect(await filterIds("sdr", { channels: [channel!.key] })).toEqual([a.sdrOwn.id]);
    });

    it("should let all-prospects filter by salesman, sales role and created-at range", async () => {
      expect(await filterIds("allProspects", { salesmanIds: [toGlobalId("User", users.sdr2.id)] })).toEqual([a.sdr2Own.id]);
      expect(await filterIds("allProspects", { salesRoles: ["KAE"] })).toEqual(sorted([a.sdrOwn, a.assignedToSdr, a.partner]));
      expect(await filterIds("allProspects", { createdAt: { to: "2000-01-01T00:00:00Z" } })).toEqual([]);
      expect(await filterIds("allProspects", { createdAt: { from: "2000-01-01T00:00:00Z" } })).toHaveLength(7);
    });

    it.each([
      ["salesmanIds", { salesmanIds: ["VXNlcjox"] }],
      ["salesRoles", { salesRoles: ["KAE"] }],
      ["createdAt", { createdAt: { from: "2020-01-01T00:00:00Z" } }],
    ])("should refuse the %s filter without all-prospects, naming it", async (name, filter) => {
      for (const who of ["sdr", "manager"]) {
        const res = await clients[who]!.gql(ACCOUNTS, { filter });
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(res.errors?.[0]?.message).toContain(name);
      }
    });

    it("should reject an unknown enum value and a reversed date range", async () => {
      const unknown = await clients.manager!.gql(ACCOUNTS, { filter: { types: ["CUSTOMER"] } });
      expect(unknown.status).toBe(400);
      expect(unknown.errors?.[0]?.message).toContain("CUSTOMER");
      const reversed = await clients.allProspects!.gql(ACCOUNTS, { filter: { createdAt: { from: "2025-01-02T00:00:00Z", to: "2025-01-01T00:00:00Z" } } });
      expect(reversed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("pagination", () => {
    it("should walk every page exactly once with cursors", async () => {
      for (const orderBy of [undefined, { field: "NAME", direction: "ASC" }, { field: "CREATED_AT", direction: "ASC" }]) {
        const seen: number[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const res: { data?: AccountsData | null; errors?: unknown } = await clients.manager!.gql<AccountsData>(ACCOUNTS, { first: 2, after, orderBy });
          expect(res.errors).toBeUndefined();
          seen.push(...(res.data?.accounts.edges.map((e) => e.node.legacyId) ?? []));
          after = res.data?.accounts.pageInfo.hasNextPage ? res.data.accounts.pageInfo.endCursor : null;
          pages += 1;
        } while (after && pages < 10);
        expect(seen.sort((x, y) => x - y)).toEqual(sorted(Object.values(a).filter((x) => x !== a.removed)));
        expect(pages).toBe(4);
      }
    });

    it.each([[0], [101], [-5]])("should reject first: %i with BAD_USER_INPUT naming first", async (first) => {
      const res = await clients.manager!.gql(ACCOUNTS, { first });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toHaveProperty("first");
    });

    it("should reject a forged cursor with BAD_USER_INPUT", async () => {
      const res = await clients.manager!.gql(ACCOUNTS, { after: "garbage" });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("Client timeline", () => {
    it("should merge the prospect history and the company's comments, newest first", async () => {
      const ds = api.db.dataSource;
      const t = (iso: string) => new Date(iso);
      await buildNote(ds, a.mdrClient, users.manager, { comment: "como prospecto", createdAt: t("2025-01-01T10:00:00Z") });
      await buildCompanyNote(ds, a.mdrClient.companyId!, users.mdr, "como cliente", t("2025-02-01T10:00:00Z"));
      await buildNote(ds, a.mdrClient, users.manager, { comment: "seguimiento", createdAt: t("2025-03-01T10:00:00Z") });
      const query = `query($id: ID!, $after: String) { account(id: $id) { ... on Client { company { name } }
        notes(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { comment source author { legacyId } } } } } }`;
      interface Timeline { account: { company: { name: string }; notes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { comment: string; source: string } }> } } }
      const first = await clients.mdr!.gql<Timeline>(query, { id: toGlobalId("Account", a.mdrClient.id) });
      expect(first.errors).toBeUndefined();
      expect(first.data?.account.company.name).toBe("Logística del Bajío");
      expect(first.data?.account.notes.totalCount).toBe(3);
      expect(first.data?.account.notes.edges.map((e) => [e.node.comment, e.node.source])).toEqual([
        ["seguimiento", "PROSPECT"],
        ["como cliente", "COMPANY"],
      ]);
      const second = await clients.mdr!.gql<Timeline>(query, { id: toGlobalId("Account", a.mdrClient.id), after: first.data?.account.notes.pageInfo.endCursor });
      expect(second.data?.account.notes.edges.map((e) => e.node.comment)).toEqual(["como prospecto"]);
      expect(second.data?.account.notes.pageInfo.hasNextPage).toBe(false);
    });

    it("should report the last activity and the next scheduled note", async () => {
      const ds = api.db.dataSource;
      const soon = new Date(Date.now() + 3 * 86400_000);
      await buildNote(ds, a.sdr2Own, users.sdr2, { comment: "llamar", action: "call", scheduledDate: soon });
      const latestAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000); // later than any other row of the suite
      await buildNote(ds, a.sdr2Own, users.sdr2, { comment: "pasado", scheduledDate: new Date(Date.now() - 86400_000), createdAt: latestAt });
      const res = await clients.sdr2!.gql<{ account: { lastActivityAt: string; nextScheduledActivity: { comment: string; action: string } } }>(
        `query($id: ID!) { account(id: $id) { lastActivityAt nextScheduledActivity { comment action } } }`,
        { id: toGlobalId("Account", a.sdr2Own.id) },
      );
      expect(res.data?.account.nextScheduledActivity).toEqual({ comment: "llamar", action: "CALL" });
      expect(new Date(res.data!.account.lastActivityAt).toISOString()).toBe(latestAt.toISOString());
    });
  });
});
