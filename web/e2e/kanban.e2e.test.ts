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
});
