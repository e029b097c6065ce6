import { allAccounts, E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, disconnectBrowser } from "./support/session";

describe("filtering the accounts in the browser", () => {
  afterAll(disconnectBrowser);

  it("should narrow the list to the search and keep it in the URL across a reload", async () => {
    const api = await E2eApi.as("manager");
    const everyone = await allAccounts(api);
    const prefix = everyone[0]?.companyName.slice(0, 5) ?? "";
    const expected = (await allAccounts(api, { search: prefix })).length;
    expect(prefix).not.toBe("");
    expect(expected).toBeLessThan(everyone.length);

    await asUser("manager", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      await crm.search(prefix);
      await crm.waitForTotal(expected);
      await page.waitForURL((url) => url.searchParams.get("q") === prefix);

      await page.reload();
      await crm.waitForTotal(expected);
      expect(await page.getByRole("searchbox", { name: "Search" }).inputValue()).toBe(prefix);
    });
  });

  it("should show only clients when the type filter is set to Client", async () => {
    const clients = await allAccounts(await E2eApi.as("manager"), { types: ["CLIENT"] });
    expect(clients.length).toBeGreaterThan(0);
    const clientNames = new Set(clients.map((account) => account.name));

    await asUser("manager", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      await crm.pickFilter("Type", "Client");
      await crm.waitForTotal(clients.length);
      await page.waitForURL((url) => url.searchParams.get("type") === "CLIENT");
      const names = await crm.visibleNames();
      expect(names.filter((name) => !clientNames.has(name))).toEqual([]);
    });
  });
});
