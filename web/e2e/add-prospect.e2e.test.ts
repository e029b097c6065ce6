import type { Page } from "playwright-core";

import { allAccounts, E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, disconnectBrowser } from "./support/session";

interface Lead {
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phone: string;
}

async function fillAddProspect(page: Page, lead: Lead) {
  await page.getByRole("button", { name: "Add prospect" }).click();
  const modal = page.getByRole("dialog", { name: "Add prospect" });
  await modal.getByLabel("Contact name").fill(lead.name);
  await modal.getByLabel("Company").fill(lead.company);
  await modal.getByLabel("Email").fill(lead.email);
  await modal.getByLabel("Phone", { exact: true }).fill(lead.phone);
  await modal.getByRole("button", { name: "Add prospect" }).click();
  return modal;
}

describe("adding a prospect in the browser", () => {
  afterAll(disconnectBrowser);

  it("should create a prospect, open it in the panel, and warn about the duplicate before adding it anyway", async () => {
    const stamp = Date.now();
    const lead: Lead = { name: `Renata Prueba ${stamp}`, company: `Mensajería Prueba ${stamp}`, email: `renata.${stamp}@example.com`, phone: `55${String(stamp).slice(-8)}` };

    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const before = await crm.total();

      await fillAddProspect(page, lead);
      await crm.panel(lead.name).waitFor();
      await page.getByText(`${lead.name} added.`).waitFor();
      await page.keyboard.press("Escape");
      await crm.waitForTotal(before + 1);

      // Same email again: the server answers CONFLICT naming the account just created.
      const modal = await fillAddProspect(page, { ...lead, name: `${lead.name} bis` });
      await modal.getByText("This looks like an account that already exists.").waitFor();
      await modal.getByRole("link", { name: new RegExp(`^Open ${lead.name}`) }).waitFor();
      await modal.getByRole("button", { name: "Add anyway" }).click();
      await crm.panel(`${lead.name} bis`).waitFor();
    });

    const created = await allAccounts(await E2eApi.as("sdr"), { search: lead.email });
    expect(created.map((account) => account.name).sort()).toEqual([lead.name, `${lead.name} bis`]);
  });
});
