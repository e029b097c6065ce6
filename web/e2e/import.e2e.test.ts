import { E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { ImportPage } from "./support/importPage";
import { asUser, disconnectBrowser } from "./support/session";

interface ExistingAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** A demo account the SDR can see, with an email, for the file to duplicate. */
async function existingAccountOfSdr(): Promise<ExistingAccount> {
  const api = await E2eApi.as("sdr");
  const data = await api.gql<{ accounts: { edges: Array<{ node: { id: string; name: string; email: string | null } }> } }>(
    `query E2eImportExisting { accounts(first: 100) { edges { node { id name email } } } }`,
  );
  const account = data.accounts.edges.map((edge) => edge.node).find((node): node is ExistingAccount => node.email !== null && node.email !== "");
  if (!account) {
    throw new Error("the SDR sees no demo account with an email");
  }
  return account;
}

describe("CSV import in the browser", () => {
  afterAll(disconnectBrowser);

  it("should upload a file with errors and duplicates, show the report, commit it and list the new accounts", async () => {
    const existing = await existingAccountOfSdr();
    const stamp = Date.now().toString(36);
    const first = `Importada Uno ${stamp}`;
    const last = `Importada Cuatro ${stamp}`;
    // Header = row 1. Row 3 is invalid (bad email, no phone), row 4 repeats row 2's email, row 5
    // an existing account's; rows 2 and 6 are new. `notas` is not a template column.
    const csv = [
      "name,company_name,email,country,notas",
      `${first},Empresa Uno ${stamp},uno.${stamp}@example.com,MX,llamar`,
      `Importada Dos ${stamp},Empresa Dos ${stamp},no-es-correo,MX,`,
      `Importada Tres ${stamp},Empresa Tres ${stamp},UNO.${stamp}@example.com,MX,`,
      `Copia ${stamp},Empresa Copia ${stamp},${existing.email},MX,`,
      `${last},Empresa Cuatro ${stamp},cuatro.${stamp}@example.com,MX,`,
    ].join("\r\n");

    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const imports = new ImportPage(page);
      const panel = await imports.upload(`leads-${stamp}.csv`, csv);
      await panel.getByRole("status").filter({ hasText: "Ready to import" }).waitFor();
      expect(page.url()).toMatch(/[?&]import=/);
      // Focus moved into the panel (not back to the Import CSV button behind it).
      expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true);

      expect(await imports.count("Rows")).toBe(5);
      expect(await imports.count("Valid")).toBe(2);
      expect(await imports.count("With errors")).toBe(1);
      expect(await imports.count("Duplicates")).toBe(2);
      await panel.getByText("notas", { exact: true }).waitFor();

      const errors = imports.rows("Rows with errors");
      await imports.row(errors, 3).getByText("Email: Enter a valid email address.").waitFor();

      await panel.getByRole("tab", { name: "Duplicates (2)" }).click();
      const duplicates = imports.rows("Duplicate rows");
      await imports.row(duplicates, 4).getByText("Same as row 2 of this file").waitFor();
      await imports.row(duplicates, 5).getByText("Matches on: Email").waitFor();
      await imports.row(duplicates, 5).getByRole("link", { name: "Open the existing account" }).click();
      const accountPanel = crm.panel(existing.name);
      await accountPanel.waitFor();
      await accountPanel.getByRole("button", { name: "Close" }).click();
      await accountPanel.waitFor({ state: "detached" });

      // Coming back later (here: a reload) shows the same import.
      await page.reload();
      await panel.getByRole("status").filter({ hasText: "Ready to import" }).waitFor();

      await panel.getByRole("button", { name: "Import 2 prospects" }).click();
      await panel.getByText("2 prospects created.").waitFor({ timeout: 30_000 });
      await panel.getByText("3 rows skipped (errors or duplicates).").waitFor();

      // The link filters the list to this import: exactly its two accounts, whatever else is newest.
      await panel.getByRole("link", { name: "See the new accounts" }).click();
      await panel.waitFor({ state: "detached" });
      expect(new URL(page.url()).searchParams.get("view")).toBe("list");
      const importId = new URL(page.url()).searchParams.get("fromImport");
      expect(importId).toBeTruthy();
      await page.getByText(`From import: leads-${stamp}.csv`).waitFor();
      await crm.waitForTotal(2);
      expect((await crm.visibleNames()).sort()).toEqual([first, last].sort());

      // Removing the chip shows every account again.
      await page.getByRole("button", { name: `Remove filter From import: leads-${stamp}.csv` }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("fromImport"));
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="accounts-total"]')?.textContent) > 2);

      // The import is listed under "Recent imports" and reopens with its summary, focus in the panel.
      await page.getByRole("button", { name: "Import CSV" }).click();
      await page.getByRole("button", { name: `Open import leads-${stamp}.csv` }).click();
      await panel.getByText("2 prospects created.").waitFor();
      await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') !== null);
      expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    });
  });
});
