import { openTestDatabase, testDialects, type TestDatabase } from "../../test/databases";
import { buildCompany, buildProspect, buildUser } from "../../test/factories";
import { seedCatalogs } from "../db/seed/catalogs.seed";
import { AccountEntity, AccountTypeCode } from "../modules/accounts/account.entity";
import { applyVisibility, scopeAllows } from "../modules/accounts/account.scope";
import type { UserEntity } from "../modules/auth/user.entity";
import { Viewer } from "../modules/auth/viewer";
import { changeEvent, scopeFactsOf } from "./account-event";

/*
 * Subscribers are filtered on an event's scope facts in memory (scopeAllows); reads are filtered
 * in SQL (applyVisibility). The two must agree for every kind of viewer and account.
 */
describe.each(testDialects())("scopeAllows against applyVisibility on %s", (dialect) => {
  let db: TestDatabase;
  const viewers: Record<string, Viewer> = {};
  const accounts: AccountEntity[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await seedCatalogs(ds);
    const keys = { sdr: ["crm", "sdr"], mdr: ["crm", "mdr"], manager: ["crm", "crm-manager"], allProspects: ["crm", "all-prospects"], other: ["crm", "sdr"] };
    const users = Object.fromEntries(await Promise.all(Object.entries(keys).map(async ([name, permissions]) => [name, await buildUser(ds, permissions)] as const))) as Record<keyof typeof keys, UserEntity>;
    for (const [name, user] of Object.entries(users)) {
      viewers[name] = new Viewer(user.id, user.email, user.name, keys[name as keyof typeof keys]);
    }
    const mdrCompany = await buildCompany(ds, { assignedExecutiveId: users.mdr.id });
    const otherCompany = await buildCompany(ds, { assignedExecutiveId: users.other.id });
    accounts.push(
      await buildProspect(ds, users.sdr), // created and assigned
      await buildProspect(ds, users.other, { salesmanId: users.sdr.id }), // assigned only
      await buildProspect(ds, users.sdr, { salesmanId: users.other.id }), // created only
      await buildProspect(ds, users.other), // someone else's
      await buildProspect(ds, users.other, { type: AccountTypeCode.client, companyId: mdrCompany.id }), // client of the MDR's company
      await buildProspect(ds, users.other, { type: AccountTypeCode.client, companyId: otherCompany.id }), // client of another company
      await buildProspect(ds, users.other, { type: AccountTypeCode.prospect, companyId: mdrCompany.id }), // a prospect linked to the MDR's company
      await buildProspect(ds, users.other, { salesmanId: null }), // unassigned
    );
  });

  afterAll(async () => {
    await db?.close();
  });

  it.each(["sdr", "mdr", "manager", "allProspects", "other"])("should let %s see in memory exactly the accounts the SQL shows", async (name) => {
    const viewer = viewers[name]!;
    const qb = db.dataSource.getRepository(AccountEntity).createQueryBuilder("a").where("a.id IN (:...ids)", { ids: accounts.map((a) => a.id) });
    applyVisibility(qb, viewer);
    const inSql = (await qb.getMany()).map((a) => a.id).sort((x, y) => x - y);
    const inMemory: number[] = [];
    for (const account of accounts) {
      if (scopeAllows(viewer, await scopeFactsOf(db.dataSource.manager, account))) {
        inMemory.push(account.id);
      }
    }
    expect(inMemory).toEqual(inSql);
    expect(inSql.length).toBeGreaterThan(0);
  });

  it("should set previousScope only when the change moved the account between scopes", async () => {
    const [own, , , , client] = accounts;
    const manager = db.dataSource.manager;
    expect((await changeEvent(manager, "MOVED", viewers.sdr!, own!, own!)).previousScope).toBeUndefined();
    const reassigned = await changeEvent(manager, "UPDATED", viewers.manager!, own!, { ...own!, salesmanId: viewers.other!.id });
    expect(reassigned.previousScope).toMatchObject({ salesmanId: viewers.sdr!.id });
    expect(reassigned.scope).toMatchObject({ salesmanId: viewers.other!.id });
    expect((await changeEvent(manager, "UPDATED", viewers.manager!, client!, client!)).scope.companyExecutiveId).toBe(viewers.mdr!.id);
  });
});
