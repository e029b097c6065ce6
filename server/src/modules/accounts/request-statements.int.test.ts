import { resolve } from "node:path";
import { ACCOUNTS_EVERY_RELATION, ACCOUNTS_LIST_AND_PANEL, webDocument } from "../../../bench/bench-documents";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildCompanyNote, buildContact, buildFollowUpData, buildLocation, buildNote, buildProspect, buildReminder, buildUser } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { AccountTypeCode, type AccountEntity } from "./account.entity";

/*
 * The SQL statements per request that `npm run bench` (sql-counts) reports, guarded here: they do
 * not depend on the machine, so a regression (a relation no longer batched, a loader per row) fails
 * CI. The documents are the web app's own (.graphql files) and the bench's. Each bound is today's
 * count: lower it when a change saves a statement. Authentication (the session lookup) is left out.
 */
const ROOT = resolve(__dirname, "../../../..");
const LIST = webDocument(ROOT, "accounts/Accounts.graphql");
const BOARD = webDocument(ROOT, "crm/kanban/Kanban.graphql");
const PANEL = webDocument(ROOT, "account-panel/AccountPanel.graphql");

describe.each(testDialects())("SQL statements per request on %s", (dialect) => {
  let api: TestApi;
  let manager: ApiClient;
  let client: AccountEntity;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const managerUser = await buildUser(ds, ["crm", "crm-manager", "crm-menu", "crm-partners"]);
    const sdr = await buildUser(ds, ["crm", "sdr"]);
    const types = [AccountTypeCode.prospect, AccountTypeCode.client, AccountTypeCode.partnerProspect];
    for (let i = 0; i < 24; i += 1) {
      const type = types[i % 3]!;
      const owner = i % 2 === 0 ? sdr : managerUser;
      const company = type === AccountTypeCode.client ? await buildCompany(ds, { assignedExecutiveId: managerUser.id }) : null;
      const account = await buildProspect(ds, owner, { type, companyId: company?.id ?? null, status: type === AccountTypeCode.client ? 2 : 1 });
      await buildFollowUpData(ds, account);
      await buildContact(ds, account, owner);
      await buildLocation(ds, account, owner);
      await buildNote(ds, account, owner);
      await buildNote(ds, account, owner, { scheduledDate: new Date(Date.now() + 86_400_000) });
      await buildReminder(ds, account, owner);
      if (company) {
        await buildCompanyNote(ds, company.id, managerUser, "Nota de la empresa");
        client = account;
      }
    }
    manager = await api.as(managerUser);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Statements of one request without authentication; fails on GraphQL errors. */
  async function statements(query: string, variables: Record<string, unknown>, operationName?: string): Promise<string[]> {
    const { result, statements: sent } = await api.counter.count(() => manager.gql(query, variables, operationName));
    expect(result.errors).toBeUndefined();
    return sent.filter((sql) => !/\bsessions\b/.test(sql));
  }

  it.each([
    ["the web list's page (Accounts.graphql)", LIST, "Accounts", 4],
    ["a page with every relation the list and the side panel show", ACCOUNTS_LIST_AND_PANEL, "AccountsListAndPanel", 6],
    ["a page with every relation, the panel tabs' own included", ACCOUNTS_EVERY_RELATION, "AccountsEveryRelation", 8],
  ])("should read %s in the same number of statements for 5 and 20 accounts", async (_, query, operationName, bound) => {
    const small = await statements(query, { first: 5 }, operationName);
    const large = await statements(query, { first: 20 }, operationName);
    expect(large).toHaveLength(small.length);
    expect(large.length).toBeLessThanOrEqual(bound);
  });

  it("should load the board in the same number of statements for 5 and 20 cards per column", async () => {
    const small = await statements(BOARD, { first: 5 }, "Board");
    const large = await statements(BOARD, { first: 20 }, "Board");
    expect(large).toHaveLength(small.length);
    expect(large.length).toBeLessThanOrEqual(5);
  });

  it("should load a client in the side panel in at most 3 statements", async () => {
    const sent = await statements(PANEL, { id: toGlobalId("Account", client.id) }, "AccountPanel");
    expect(sent.length).toBeLessThanOrEqual(3);
  });
});
