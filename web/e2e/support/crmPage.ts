import type { Locator, Page } from "playwright-core";

/**
 * The CRM page as the browser tests see it: every selector the tests use lives here, so a UI
 * change means one edit. Roles and labels first; data-testid only for the hidden total.
 */
export class CrmPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.table().waitFor();
  }

  table(): Locator {
    return this.page.getByRole("table", { name: "Accounts" });
  }

  /** The total of the accounts matching the current filters, as the page reports it. */
  async total(): Promise<number> {
    const text = await this.page.getByTestId("accounts-total").textContent();
    return Number(text);
  }

  /** Waits until the page reports `expected` accounts (the total updates after a filter's request). */
  async waitForTotal(expected: number): Promise<void> {
    await this.page.waitForFunction(
      (value) => document.querySelector('[data-testid="accounts-total"]')?.textContent === String(value),
      expected,
    );
  }

  /** The buttons that open each row's account, named after the account's contact name. */
  accountButtons(): Locator {
    return this.table().locator("tbody").getByRole("button");
  }

  async visibleNames(): Promise<string[]> {
    await this.accountButtons().first().waitFor();
    return (await this.accountButtons().allTextContents()).map((name) => name.trim());
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: "Search" }).fill(text);
  }

  /** Ticks `option` in the filter menu named `filter` ("Type", "Status", …). */
  async pickFilter(filter: string, option: string): Promise<void> {
    await this.page.getByRole("search").getByRole("button", { name: filter, exact: true }).click();
    await this.page.getByRole("group", { name: filter }).getByLabel(option, { exact: true }).click();
    await this.page.keyboard.press("Escape");
  }

  /** Opens the account in the side panel by clicking its name in the list. */
  async openAccount(name: string): Promise<Locator> {
    await this.table().getByRole("button", { name, exact: true }).first().click();
    const panel = this.panel(name);
    await panel.waitFor();
    return panel;
  }

  /** Opens the first account of the list in the side panel: its name and the panel. */
  async openFirstAccount(): Promise<{ name: string; panel: Locator }> {
    const [name] = await this.visibleNames();
    if (!name) {
      throw new Error("the list is empty");
    }
    return { name, panel: await this.openAccount(name) };
  }

  panel(name: string): Locator {
    return this.page.getByRole("dialog", { name });
  }

  async openColumnChooser(): Promise<Locator> {
    await this.page.getByRole("button", { name: "Columns", exact: true }).click();
    const chooser = this.page.getByRole("group", { name: /columns/i });
    await chooser.waitFor();
    return chooser;
  }

  /** The column headers shown, in order. */
  async headers(): Promise<string[]> {
    const texts = await this.table().locator("thead").getByRole("columnheader").allTextContents();
    return texts.map((text) => text.trim()).filter((text) => text !== "");
  }
}
