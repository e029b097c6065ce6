import { allAccounts, E2eApi, type AccountSummary } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, demoUsers, disconnectBrowser } from "./support/session";

function ownedBy(email: string) {
  return (account: AccountSummary) => account.createdBy.email === email || account.salesman?.email === email;
}

describe("accounts visibility in the browser", () => {
  let everyone: AccountSummary[];

  beforeAll(async () => {
    // The oracle: what exists, read as the manager (who sees everything) straight from the API.
    everyone = await allAccounts(await E2eApi.as("manager"));
  });

  afterAll(disconnectBrowser);

  it("should show an SDR only the accounts they created or are assigned to", async () => {
    const own = everyone.filter(ownedBy(demoUsers.sdr));
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(everyone.length);
    const ownNames = new Set(own.map((account) => account.name));

    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      expect(await crm.total()).toBe(own.length);
      const names = await crm.visibleNames();
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => !ownNames.has(name))).toEqual([]);
    });
  });

  it("should show the manager every account, including other salesmen's", async () => {
    const othersNames = new Set(everyone.filter((account) => !ownedBy(demoUsers.manager)(account)).map((a) => a.name));

    await asUser("manager", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      expect(await crm.total()).toBe(everyone.length);
      const names = await crm.visibleNames();
      expect(names.some((name) => othersNames.has(name))).toBe(true);
    });
  });
});
