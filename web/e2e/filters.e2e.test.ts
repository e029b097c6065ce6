import { allAccounts, E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, disconnectBrowser } from "./support/session";

describe("filtering the accounts in the browser", () => {
  afterAll(disconnectBrowser);

  it("should narrow the list to the search and keep it in the URL across a reload", async () => {
    const everyone = await allAccounts(await E2eApi.as("manager"));
    const sample = everyone[0];
    if (!sample) {
      throw new Error("the demo data has no accounts");
    }
    const prefix = sample.companyName.slice(0, 5);
    const expected = (await allAccounts(await E2eApi.as("manager"), { search: prefix })).length;
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
});
