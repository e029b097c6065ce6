import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildUser, firstStatus, mexico } from "../../../test/factories";
import { ContactEntity } from "../contacts/contact.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { LocationEntity } from "../locations/location.entity";
import { ProspectNoteEntity } from "../notes/note.entities";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "./account.entity";

/** A page of accounts with every relation the list and side panel show. */
const PAGE = `query Page($first: Int!) {
  accounts(first: $first) {
    totalCount
    edges { node {
      id name companyName phone { e164 }
      followUpStatus { name group { name } }
      salesman { name } createdBy { name }
      followUpData { accountValue channel { name } }
      contacts { name }
      locations { city }
      notes(first: 3) { totalCount edges { node { comment author { name } } } }
    } }
  }
}`;

describe.each(testDialects())("SQL statements per accounts page on %s", (dialect) => {
  let api: TestApi;
  let manager: ApiClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const managerUser = await buildUser(ds, ["crm", "crm-manager", "crm-menu", "crm-partners"]);
    const salesmen = [await buildUser(ds, ["crm", "sdr"]), await buildUser(ds, ["crm", "sdr"]), managerUser];
    const [status, locale] = await Promise.all([firstStatus(ds), mexico(ds)]);
    const accounts = Array.from({ length: 120 }, (_, i) => ({
      name: `Contacto ${i}`,
      companyName: `Empresa ${i}`,
      email: `c${i}@example.com`,
      phoneCode: "52",
      phone: `55${String(i).padStart(8, "0")}`,
      followUpId: status.id,
      localeId: locale.id,
      type: AccountTypeCode.prospect,
      status: AccountStatusCode.inProcess,
      createdBy: salesmen[i % 3]!.id,
      salesmanId: salesmen[(i + 1) % 3]!.id,
    }));
    await ds.getRepository(AccountEntity).insert(accounts);
    const rows = await ds.getRepository(AccountEntity).find({ select: { id: true } });
    for (const { id } of rows) {
      await ds.getRepository(ContactEntity).insert([{ prospectId: id, name: `Persona ${id}`, createdBy: managerUser.id }]);
      await ds.getRepository(LocationEntity).insert([{ prospectId: id, kind: "office", street: "Reforma", city: "CDMX", state: "CDMX", postalCode: "06600", createdBy: managerUser.id }]);
      await ds.getRepository(FollowUpDataEntity).insert([{ prospectId: id, accountValue: 1500.5 }]);
      await ds.getRepository(ProspectNoteEntity).insert([
        { prospectId: id, comment: "uno", action: "call", createdBy: managerUser.id },
        { prospectId: id, comment: "dos", action: "email", createdBy: managerUser.id },
      ]);
    }
    manager = await api.as(managerUser);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should issue the same number of statements, at most 8, for pages of 10 and 100", async () => {
    const counts: number[] = [];
    for (const first of [10, 100]) {
      const { result, statements } = await api.counter.count(() => manager.gql<{ accounts: { edges: unknown[] } }>(PAGE, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data?.accounts.edges).toHaveLength(first);
      // Authentication (one session lookup) is not part of the page's cost.
      const session = statements.filter((sql) => /\bsessions\b/.test(sql));
      expect(session).toHaveLength(1);
      counts.push(statements.length - session.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(8);
  });

  it("should load every relation of the page", async () => {
    const res = await manager.gql<{ accounts: { totalCount: number; edges: Array<{ node: { contacts: unknown[]; locations: unknown[]; notes: { totalCount: number }; followUpData: { accountValue: number } } }> } }>(PAGE, { first: 100 });
    expect(res.data?.accounts.totalCount).toBe(120);
    for (const { node } of res.data?.accounts.edges ?? []) {
      expect(node.contacts).toHaveLength(1);
      expect(node.locations).toHaveLength(1);
      expect(node.notes.totalCount).toBe(2);
      expect(node.followUpData.accountValue).toBe(1500.5);
    }
  });
});
