import { E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { KanbanPage } from "./support/kanbanPage";
import { asUser, disconnectBrowser } from "./support/session";

interface Created {
  readonly id: string;
  readonly name: string;
  readonly companyName: string;
}

const createMutation = `mutation E2eKanbanCreate($input: CreateProspectInput!) { createProspect(input: $input) { id name companyName } }`;

/** A prospect of the signed-in API user in the first column, with a company name no other account has. */
async function createProspect(api: E2eApi, label: string, localeId: number): Promise<Created> {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const { createProspect: created } = await api.gql<{ createProspect: Created }>(createMutation, {
    input: { name: `Contacto ${label} ${stamp}`, companyName: `Tablero ${label} ${stamp}`, email: `tablero.${stamp}@example.com`, localeId },
  });
  return created;
}

describe("the Kanban board in the browser", () => {
  let api: E2eApi;
  let localeId: number;
  let first: string;
  let second: string;

  beforeAll(async () => {
    api = await E2eApi.as("sdr");
    const { catalogs } = await api.gql<{ catalogs: { locales: Array<{ id: number; code: string }>; followUpStatuses: Array<{ name: string }> } }>(
      `{ catalogs { locales { id code } followUpStatuses { name } } }`,
    );
    localeId = (catalogs.locales.find((locale) => locale.code === "MX") ?? catalogs.locales[0])?.id ?? 1;
    [first, second] = catalogs.followUpStatuses.map((status) => status.name) as [string, string];
  });

  afterAll(disconnectBrowser);

  it("should move a card with the mouse, note the move in the side panel and keep the counts after a reload", async () => {
    const account = await createProspect(api, "Ratón", localeId);
    await asUser("sdr", async (page) => {
      const kanban = new KanbanPage(page);
      await kanban.open(`q=${encodeURIComponent(account.companyName)}`);
      await kanban.waitForCount(first, 1);
      await kanban.waitForCount(second, 0);

      await kanban.dragWithMouse(kanban.card(account.companyName), second);
      await kanban.waitForCount(second, 1);
      await kanban.waitForCount(first, 0);
      await kanban.card(account.companyName, kanban.column(second)).waitFor();

      await kanban.card(account.companyName).click();
      const panel = new CrmPage(page).panel(account.name);
      await panel.getByRole("tab", { name: "Notes" }).click();
      await panel.getByRole("list", { name: "Timeline" }).getByText(`${first} → ${second}`, { exact: false }).waitFor();

      await page.reload();
      await kanban.board().waitFor();
      await kanban.waitForCount(second, 1);
      expect(await kanban.count(first)).toBe(0);
      await kanban.card(account.companyName, kanban.column(second)).waitFor();
    });
  });

  it("should move a card with the keyboard (space, arrow, space) and keep it there after a reload", async () => {
    const account = await createProspect(api, "Teclado", localeId);
    await asUser("sdr", async (page) => {
      const kanban = new KanbanPage(page);
      await kanban.open(`q=${encodeURIComponent(account.companyName)}`);
      await kanban.waitForCount(first, 1);

      await kanban.dragWithKeyboard(kanban.card(account.companyName), 1);
      await kanban.waitForCount(second, 1);
      await kanban.waitForCount(first, 0);

      await page.reload();
      await kanban.board().waitFor();
      await kanban.waitForCount(second, 1);
      expect(await kanban.count(first)).toBe(0);
      await kanban.card(account.companyName, kanban.column(second)).waitFor();
    });
    const { account: stored } = await api.gql<{ account: { followUpStatus: { name: string } } }>(
      `query E2eKanbanStatus($id: ID!) { account(id: $id) { followUpStatus { name } } }`,
      { id: account.id },
    );
    expect(stored.followUpStatus.name).toBe(second);
  });

  it("should move the card to its new column when the status is changed in the side panel", async () => {
    const account = await createProspect(api, "Panel", localeId);
    await asUser("sdr", async (page) => {
      const kanban = new KanbanPage(page);
      await kanban.open(`q=${encodeURIComponent(account.companyName)}`);
      await kanban.waitForCount(first, 1);

      await kanban.card(account.companyName).click();
      const panel = new CrmPage(page).panel(account.name);
      await panel.getByRole("combobox", { name: "Follow-up status" }).selectOption({ label: second });
      await kanban.waitForCount(second, 1);
      await kanban.waitForCount(first, 0);
      await kanban.card(account.companyName, kanban.column(second)).waitFor();
    });
  });

  it("should put the card back and say why when the request never reaches the server", async () => {
    const account = await createProspect(api, "Sin red", localeId);
    await asUser("sdr", async (page) => {
      const kanban = new KanbanPage(page);
      await kanban.open(`q=${encodeURIComponent(account.companyName)}`);
      await kanban.waitForCount(first, 1);
      await page.route("**/graphql", async (route) => {
        if (route.request().postDataJSON()?.operationName === "KanbanMoveAccount") {
          await route.abort("internetdisconnected");
        } else {
          await route.continue();
        }
      });

      await kanban.dragWithKeyboard(kanban.card(account.companyName), 1);
      await page.getByText(`${account.companyName} was not moved: Cannot reach the server. Check your connection.`).waitFor();
      await kanban.waitForCount(first, 1);
      expect(await kanban.count(second)).toBe(0);
      await kanban.card(account.companyName, kanban.column(first)).waitFor();
    });
  });

  it("should roll back a move of an account removed in another session and say so", async () => {
    const account = await createProspect(api, "Eliminada", localeId);
    await asUser("sdr", async (page) => {
      // This page hears nothing live (as while its socket is down), so its board still shows the
      // account after the removal; with live updates the card would just leave (realtime.e2e.test.ts).
      await page.routeWebSocket(/\/graphql$/, () => undefined);
      const kanban = new KanbanPage(page);
      await kanban.open(`q=${encodeURIComponent(account.companyName)}`);
      await kanban.waitForCount(first, 1);
      // Another session removes it while this board still shows it.
      await api.gql(`mutation E2eKanbanRemove($input: RemoveAccountInput!) { removeAccount(input: $input) { id } }`, {
        input: { accountId: account.id },
      });

      await kanban.dragWithMouse(kanban.card(account.companyName), second);
      await page.getByText(`${account.companyName} was not moved: it was removed in the meantime.`).waitFor();
      // Nothing was written: the account is still in the first column on the server.
      const { account: stored } = await api.gql<{ account: { followUpStatus: { name: string } } }>(
        `query E2eKanbanStatus($id: ID!) { account(id: $id) { followUpStatus { name } } }`,
        { id: account.id },
      );
      expect(stored.followUpStatus.name).toBe(first);
      // The board was read again: the removed account is gone, and no column counts it.
      await kanban.waitForCount(first, 0);
      expect(await kanban.count(second)).toBe(0);
    });
  });

  describe("with many cards in one column", () => {
    const total = 130;
    let manager: E2eApi;
    let label: string;
    const created: Created[] = [];

    beforeAll(async () => {
      manager = await E2eApi.as("manager");
      label = `Volumen ${Date.now()}`;
      for (let index = 0; index < total; index += 1) {
        const number = String(index).padStart(3, "0");
        const { createProspect: account } = await manager.gql<{ createProspect: Created }>(createMutation, {
          input: { name: `Contacto ${label} ${number}`, companyName: `${label} ${number}`, email: `volumen.${label.slice(8)}.${number}@example.com`, localeId },
        });
        created.push(account);
      }
    });

    // Other browser tests count the manager's accounts: leave the data set as it was.
    afterAll(async () => {
      for (const account of created) {
        await manager.gql(`mutation E2eKanbanCleanup($input: RemoveAccountInput!) { removeAccount(input: $input) { id } }`, {
          input: { accountId: account.id },
        });
      }
    });

    it("should keep only a bounded number of card elements in the DOM while the column loads all of them on scroll", async () => {
      await asUser("manager", async (page) => {
        const kanban = new KanbanPage(page);
        await kanban.open(`q=${encodeURIComponent(label)}`);
        await kanban.waitForCount(first, total);
        const atStart = await kanban.cardElements().count();
        expect(atStart).toBeGreaterThan(0);
        expect(atStart).toBeLessThanOrEqual(20);

        // Scroll the column to its end until its oldest card (created first, so last) is there:
        // that takes the first cards plus further boardColumn pages.
        await page.waitForFunction(
          ({ status, last }) => {
            const scroller = document.querySelector(`section[aria-label^="${status}:"] .kanban-column__cards`);
            if (!scroller) {
              return false;
            }
            scroller.scrollTop = scroller.scrollHeight;
            return [...scroller.querySelectorAll("[data-account-id]")].some((card) => card.textContent?.includes(last));
          },
          { status: first, last: `${label} 000` },
        );
        expect(await kanban.cardElements().count()).toBeLessThanOrEqual(20);
        expect(await kanban.card(`${label} 000`).count()).toBe(1);
        expect(await kanban.card(`${label} 129`).count()).toBe(0);
        expect(await kanban.count(first)).toBe(total);
      });
    });
  });
});
