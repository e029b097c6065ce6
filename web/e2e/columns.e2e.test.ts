import type { Page } from "playwright-core";

import { CrmPage } from "./support/crmPage";
import { asUser, disconnectBrowser, newAppPage, signIn } from "./support/session";

async function headerTexts(crm: CrmPage): Promise<string[]> {
  await crm.accountButtons().first().waitFor();
  return crm.headers();
}

function hasHeader(headers: readonly string[], name: string): boolean {
  return headers.some((header) => header.startsWith(name));
}

async function toggleColumn(page: Page, crm: CrmPage, name: string): Promise<void> {
  const chooser = await crm.openColumnChooser();
  await chooser.getByLabel(name, { exact: true }).click();
  await page.keyboard.press("Escape");
}

describe("list columns in the browser", () => {
  afterAll(disconnectBrowser);

  it("should hide and show columns from the chooser and keep them after a reload", async () => {
    await asUser("mdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const before = await headerTexts(crm);
      expect(hasHeader(before, "Company")).toBe(true);
      expect(hasHeader(before, "Monthly shipments")).toBe(false);

      // The layout is saved to the server (debounced) as well as to this browser's storage.
      const saved = page.waitForResponse(
        (response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("saveTablePreferences"),
      );
      await toggleColumn(page, crm, "Company");
      await toggleColumn(page, crm, "Monthly shipments");
      const after = await headerTexts(crm);
      expect(hasHeader(after, "Company")).toBe(false);
      expect(hasHeader(after, "Monthly shipments")).toBe(true);
      await saved;

      await page.reload();
      await crm.table().waitFor();
      expect(await headerTexts(crm)).toEqual(after);

      // Another browser (no local copy) gets the same columns from the server.
      const other = await newAppPage();
      try {
        await signIn(other.page, "mdr");
        const elsewhere = new CrmPage(other.page);
        await elsewhere.table().waitFor();
        await other.page.waitForFunction(() =>
          [...document.querySelectorAll("thead th")].some((th) => th.textContent?.startsWith("Monthly shipments")),
        );
        expect(await headerTexts(elsewhere)).toEqual(after);
      } finally {
        await other.context.close();
      }
    });
  });
});
