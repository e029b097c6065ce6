import type { Locator, Page } from "playwright-core";

/**
 * The CRM page as the browser tests see it: every selector the tests use lives here, so a UI
 * change means one edit. Roles and labels first; data-testid only where nothing else is stable.
 */
export class CrmPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.bodyRows().first().waitFor();
  }

  /** The total of the accounts matching the current filters, as the page reports it. */
  async total(): Promise<number> {
    const text = await this.page.getByText(/^Showing \d+ of \d+$/).textContent();
    const match = /of (\d+)$/.exec(text ?? "");
    if (!match?.[1]) {
      throw new Error(`no total in "${text}"`);
    }
    return Number(match[1]);
  }

  /** Waits until the page reports `expected` accounts. */
  async waitForTotal(expected: number): Promise<void> {
    await this.page.getByText(new RegExp(`^Showing \\d+ of ${expected}$`)).waitFor();
  }

  bodyRows(): Locator {
    return this.page.getByRole("rowgroup").nth(1).getByRole("row");
  }

  /** The contact names of the rows on screen. */
  async visibleNames(): Promise<string[]> {
    const rows = await this.bodyRows().all();
    const names = await Promise.all(rows.map((row) => row.getByRole("cell").first().locator("div").first().textContent()));
    return names.map((name) => (name ?? "").trim());
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: "Search" }).fill(text);
  }
}
