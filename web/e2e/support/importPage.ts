import type { Locator, Page } from "playwright-core";

/** The CSV import's modal and panel as the browser tests see them (roles and labels only). */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** Opens the modal from the CRM toolbar, picks the file and uploads it; resolves with the panel. */
  async upload(fileName: string, content: string): Promise<Locator> {
    await this.page.getByRole("button", { name: "Import CSV" }).click();
    const modal = this.page.getByRole("dialog", { name: "Import prospects from a CSV file" });
    await modal.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await modal.getByRole("button", { name: "Upload and check" }).click();
    await modal.waitFor({ state: "detached" });
    return this.panel();
  }

  panel(): Locator {
    return this.page.getByRole("dialog", { name: "CSV import" });
  }

  /** The count shown under a label of the report ("Rows", "Valid", "With errors", …). */
  async count(label: string): Promise<number> {
    const text = await this.panel().locator(".import-counts > div", { has: this.page.getByText(label, { exact: true }) }).locator("dd").textContent();
    return Number((text ?? "").replace(/[^\d]/g, ""));
  }

  /** The rows table of the open tab ("Rows with errors", "Duplicate rows", "Created prospects"). */
  rows(label: string): Locator {
    return this.panel().getByRole("table", { name: label });
  }

  row(table: Locator, rowNumber: number): Locator {
    return table.getByRole("row").filter({ has: this.page.getByRole("cell", { name: String(rowNumber), exact: true }) });
  }
}
