import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser, firstStatus } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";

const CATALOGS = `{ catalogs {
  statusGroups { name statuses { id name color outcome } }
  followUpStatuses { id group { name } }
  locales { code phoneCode phoneDigits }
  ecommerceTypes { key } channels { key } weightRanges { minKg } contentTypes { name } monthlyShipmentRanges { minShipments }
  accountSizes
} }`;

interface CatalogsData {
  catalogs: {
    statusGroups: Array<{ name: string; statuses: Array<{ id: number; outcome: string | null; color: string }> }>;
    followUpStatuses: Array<{ id: number; group: { name: string } | null }>;
    locales: Array<{ code: string; phoneCode: string; phoneDigits: number }>;
    accountSizes: string[];
  };
}

describe.each(testDialects())("Query.catalogs on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each([["sdr"], ["mdr"], ["crm-manager"]])("should give a %s user grouped statuses and every catalog", async (role) => {
    const client = await api.as(await buildUser(api.db.dataSource, ["crm", role]));
    const res = await client.gql<CatalogsData>(CATALOGS);
    expect(res.errors).toBeUndefined();
    const { statusGroups, followUpStatuses, locales, accountSizes } = res.data!.catalogs;
    expect(statusGroups.length).toBeGreaterThan(1);
    expect(followUpStatuses.every((s) => s.group !== null)).toBe(true);
    expect(statusGroups.flatMap((g) => g.statuses).map((s) => s.outcome)).toEqual(expect.arrayContaining(["won", "lost"]));
    expect(statusGroups.flatMap((g) => g.statuses).every((s) => /^#[0-9a-f]{6}$/i.test(s.color))).toBe(true);
    expect(locales.find((l) => l.code === "MX")).toEqual({ code: "MX", phoneCode: "52", phoneDigits: 10 });
    expect(accountSizes).toEqual(["individual", "startup", "sme", "enterprise", "corporate"]);
  });

  it("should drop a retired status from the catalogs but still resolve it on accounts that have it", async () => {
    const ds = api.db.dataSource;
    const user = await buildUser(ds, ["crm", "sdr"]);
    const retired = await firstStatus(ds, 2);
    const account = await buildProspect(ds, user, { followUpId: retired.id });
    await ds.getRepository(FollowUpStatusEntity).update(retired.id, { active: false });
    await api.services.catalogs.reload();
    try {
      const client = await api.as(user);
      const res = await client.gql<CatalogsData>(CATALOGS);
      expect(res.data?.catalogs.followUpStatuses.map((s) => s.id)).not.toContain(retired.id);
      const one = await client.gql<{ account: { followUpStatus: { id: number; name: string } } }>(`query($id: ID!) { account(id: $id) { followUpStatus { id name } } }`, {
        id: toGlobalId("Account", account.id),
      });
      expect(one.data?.account.followUpStatus).toEqual({ id: retired.id, name: retired.name });
    } finally {
      await ds.getRepository(FollowUpStatusEntity).update(retired.id, { active: true });
      await api.services.catalogs.reload();
    }
  });

  it("should refuse anonymous callers and users without crm", async () => {
    expect((await api.anonymous().gql(CATALOGS)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const outsider = await api.as(await buildUser(api.db.dataSource, ["admin"]));
    expect((await outsider.gql(CATALOGS)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
