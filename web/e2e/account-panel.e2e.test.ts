import { allAccounts, E2eApi, type AccountSummary } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, demoUsers, disconnectBrowser } from "./support/session";

function ownedBy(email: string) {
  return (account: AccountSummary) => account.createdBy.email === email || account.salesman?.email === email;
}

describe("the side panel in the browser", () => {
  let sdrAccounts: AccountSummary[];
  let othersAccount: AccountSummary;

  beforeAll(async () => {
    const everyone = await allAccounts(await E2eApi.as("manager"));
    sdrAccounts = everyone.filter(ownedBy(demoUsers.sdr));
    const outside = everyone.find((account) => !ownedBy(demoUsers.sdr)(account));
    if (!outside || sdrAccounts.length === 0) {
      throw new Error("the demo data lacks an SDR account or a colleague's account");
    }
    othersAccount = outside;
  });

  afterAll(disconnectBrowser);

  it("should open an account from the list, add a note and still show it after a reload", async () => {
    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const { name, panel } = await crm.openFirstAccount();
      await page.waitForURL((url) => url.searchParams.has("account"));

      await panel.getByRole("tab", { name: "Notes" }).click();
      await page.waitForURL((url) => url.searchParams.get("tab") === "notes");
      const comment = `Llamada de seguimiento ${Date.now()}`;
      await panel.getByLabel("Note", { exact: true }).fill(comment);
      await panel.getByLabel("Action", { exact: true }).selectOption({ label: "Call" });
      await panel.getByRole("button", { name: "Add note" }).click();
      const timeline = panel.getByRole("list", { name: "Timeline" });
      await timeline.getByText(comment).waitFor();
      await page.getByText("Note added.").waitFor();

      // The URL keeps the account and the tab, and the note is on the server.
      await page.reload();
      const reopened = crm.panel(name);
      await reopened.getByRole("list", { name: "Timeline" }).getByText(comment).waitFor();
      expect(await reopened.getByRole("tab", { name: "Notes" }).getAttribute("aria-selected")).toBe("true");

      await page.keyboard.press("Escape");
      await reopened.waitFor({ state: "detached" });
      expect(new URL(page.url()).searchParams.has("account")).toBe(false);
    });
  });

  it("should keep the page's header, filters and list controls usable beside the open panel", async () => {
    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open();
      const { panel } = await crm.openFirstAccount();

      // Playwright's click refuses an element another one covers: each of these would fail under the panel.
      await page.getByRole("button", { name: "Sign out" }).click({ trial: true });
      await page.getByRole("search").getByRole("button", { name: "Country", exact: true }).click({ trial: true });
      await crm.openColumnChooser();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Add prospect" }).click();
      await page.getByRole("dialog", { name: "Add prospect" }).waitFor();
      await page.keyboard.press("Escape");
      await panel.waitFor();
    });
  });

  it("should save edited details and show them after a reload", async () => {
    const target = sdrAccounts[1] ?? sdrAccounts[0];
    if (!target) {
      throw new Error("the SDR has no accounts");
    }
    const company = `Logística Editada ${Date.now()}`;
    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await page.goto(`/?account=${encodeURIComponent(target.id)}`);
      const panel = crm.panel(target.name);
      await panel.waitFor();
      const form = panel.getByRole("form", { name: "Details" });
      await form.getByLabel("Company").fill(company);
      await form.getByLabel("Account value (MXN)").fill("250000");
      await form.getByRole("button", { name: "Save" }).click();
      await page.getByText("Details saved.").waitFor();

      await page.reload();
      const reopened = crm.panel(target.name).getByRole("form", { name: "Details" });
      await reopened.waitFor();
      expect(await reopened.getByLabel("Company").inputValue()).toBe(company);
      expect(await reopened.getByLabel("Account value (MXN)").inputValue()).toBe("250000");
    });
  });

  it("should let the manager reassign an account, which the new executive then sees", async () => {
    const everyone = await allAccounts(await E2eApi.as("manager"));
    // Outside both SDRs' scopes, so the other tests' views of the SDR's accounts stay as they were.
    const target = everyone.find(
      (account) => !ownedBy(demoUsers.sdr2)(account) && !ownedBy(demoUsers.sdr)(account) && account.type !== "CLIENT",
    );
    if (!target) {
      throw new Error("no account outside the second SDR's scope");
    }
    const sdr2 = await E2eApi.as("sdr2");
    const lookup = `query E2eAccount($id: ID!) { account(id: $id) { id name } }`;
    await expect(sdr2.gql(lookup, { id: target.id })).rejects.toThrow("NOT_FOUND");

    await asUser("manager", async (page) => {
      await page.goto(`/?account=${encodeURIComponent(target.id)}`);
      const panel = page.getByRole("dialog", { name: target.name });
      await panel.getByRole("combobox", { name: "Executive" }).selectOption({ label: "Valeria Núñez" });
      await page.getByText("Assigned to Valeria Núñez.").waitFor();
    });

    expect(await sdr2.gql<{ account: { name: string } }>(lookup, { id: target.id })).toEqual({ account: { id: target.id, name: target.name } });
  });

  it("should not show an SDR a colleague's account opened by its link", async () => {
    await asUser("sdr", async (page) => {
      await page.goto(`/?account=${encodeURIComponent(othersAccount.id)}`);
      await page.getByRole("dialog", { name: "This account does not exist or is not visible to you." }).waitFor();
      expect(await page.getByText(othersAccount.companyName).count()).toBe(0);
    });
  });
});
