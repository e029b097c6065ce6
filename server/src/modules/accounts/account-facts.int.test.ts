import { startTestApi, type TestApi } from "../../../test/api";
import { openTestDatabase, testDialects } from "../../../test/databases";
import { buildCompany, buildFollowUpData, buildProspect, buildUser } from "../../../test/factories";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import { toGlobalId } from "../../graphql/global-id";
import { createLoaders } from "../../graphql/loaders";
import { respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import type { UserEntity } from "../auth/user.entity";
import { PartnerDataEntity } from "../partners/partner-data.entity";
import { loadAccountFact } from "./account-facts.loaders";
import { AccountTypeCode, type AccountEntity } from "./account.entity";

const PAGE = `query($first: Int!) { accounts(first: $first) { edges { node {
  id salesman { id } createdBy { id } followUpData { accountValue } respondioSync { status }
  ... on Client { company { id name } }
  ... on PartnerProspect { partnerData { url rating } }
} } } }`;

interface Node {
  id: string;
  salesman: { id: string } | null;
  createdBy: { id: string };
  followUpData: { accountValue: number | null } | null;
  respondioSync: { status: string } | null;
  company?: { id: string; name: string };
  partnerData?: { url: string | null; rating: number | null } | null;
}

/** The one-to-one relations read together by account-facts.loaders.ts: right rows, and guarded fields still guarded. */
describe.each(testDialects())("Account facts (one-to-one relations in one statement) on %s", (dialect) => {
  let api: TestApi;
  let partnersManager: UserEntity;
  let salesman: UserEntity;
  let prospect: AccountEntity;
  let client: AccountEntity;
  let partner: AccountEntity;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    partnersManager = await buildUser(ds, ["crm", "crm-manager", "crm-partners"]);
    salesman = await buildUser(ds, ["crm", "sdr"]);
    prospect = await buildProspect(ds, partnersManager, { salesmanId: salesman.id });
    await buildFollowUpData(ds, prospect, { accountValue: 1234.5 });
    await writeOutbox(ds.manager, [respondioAddProspectJob(prospect.id)]);
    const company = await buildCompany(ds, { name: "Facts Co" });
    client = await buildProspect(ds, partnersManager, { type: AccountTypeCode.client, companyId: company.id, status: 2, salesmanId: null });
    partner = await buildProspect(ds, partnersManager, { type: AccountTypeCode.partnerProspect });
    await ds.getRepository(PartnerDataEntity).insert({ prospectId: partner.id, url: "https://partner.example", rating: 4 });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function page(user: UserEntity): Promise<{ nodes: Map<string, Node>; errors: Array<{ path?: string[]; extensions?: { code?: string } }>; sql: string[] }> {
    const caller = await api.as(user);
    const { result, statements } = await api.counter.count(() => caller.gql<{ accounts: { edges: Array<{ node: Node }> } }>(PAGE, { first: 50 }));
    const nodes = new Map((result.data?.accounts.edges ?? []).map(({ node }) => [node.id, node] as const));
    return { nodes, errors: result.errors ?? [], sql: statements };
  }

  it("should give each account its own relations when they are read in one statement", async () => {
    const { nodes, errors } = await page(partnersManager);
    expect(errors).toEqual([]);
    expect(nodes.get(toGlobalId("Account", prospect.id))).toEqual({
      id: toGlobalId("Account", prospect.id),
      salesman: { id: toGlobalId("User", salesman.id) },
      createdBy: { id: toGlobalId("User", partnersManager.id) },
      followUpData: { accountValue: 1234.5 },
      respondioSync: { status: "PENDING" },
    });
    const clientNode = nodes.get(toGlobalId("Account", client.id));
    expect(clientNode).toMatchObject({ salesman: null, followUpData: null, respondioSync: null, company: { name: "Facts Co" } });
    expect(nodes.get(toGlobalId("Account", partner.id))).toMatchObject({ partnerData: { url: "https://partner.example", rating: 4 } });
  });

  it("should refuse partnerData and not read partner rows when the viewer lacks crm-partners", async () => {
    const manager = await buildUser(api.db.dataSource, ["crm", "crm-manager"]);
    const { nodes, errors, sql } = await page(manager);
    expect(nodes.get(toGlobalId("Account", partner.id))).toBeDefined();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions?.code === "FORBIDDEN" && e.path?.at(-1) === "partnerData")).toBe(true);
    expect(sql.some((s) => s.includes("partner_follow_up_data"))).toBe(false);
    expect(nodes.get(toGlobalId("Account", prospect.id))?.followUpData).toEqual({ accountValue: 1234.5 });
  });

  it("should fail the reads of a failed statement without an unhandled rejection from the loaders it primed", async () => {
    const db = await openTestDatabase(dialect);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const ds = db.dataSource;
      await seedCatalogs(ds);
      const owner = await buildUser(ds, ["crm", "crm-manager"]);
      const seller = await buildUser(ds, ["crm", "sdr"]);
      const account = await buildProspect(ds, owner, { salesmanId: seller.id });
      // The database goes away before the statement is sent, as on a lost connection.
      const loaders = createLoaders(ds);
      await ds.destroy();
      const reads = [loadAccountFact(loaders, account, "followUpData"), loadAccountFact(loaders, account, "salesman"), loadAccountFact(loaders, account, "creator")];
      for (const read of reads) {
        await expect(read).rejects.toThrow(/connection/i);
      }
      // Unhandled rejections are reported after the microtask queue drains: give them two turns.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await db.close();
    }
  });
});
