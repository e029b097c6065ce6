import { E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { refusedOnceMarker } from "./support/fakeRespondio";
import { asUser, disconnectBrowser } from "./support/session";

type SyncStatus = "PENDING" | "SYNCED" | "FAILED" | "SKIPPED";

/** The prospect's lead-sync state once it is `wanted`, asking the graph up to 100 times (the API's runner polls the outbox). */
async function syncReaches(api: E2eApi, id: string, wanted: SyncStatus): Promise<{ status: SyncStatus; lastError: string | null }> {
  let last: { status: SyncStatus; lastError: string | null } | null = null;
  for (let i = 0; i < 100; i += 1) {
    const { account } = await api.gql<{ account: { respondioSync: { status: SyncStatus; lastError: string | null } | null } }>(
      `query E2eSync($id: ID!) { account(id: $id) { respondioSync { status lastError } } }`,
      { id },
    );
    last = account.respondioSync;
    if (last?.status === wanted) {
      return last;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`the lead sync of ${id} never reached ${wanted} (last: ${JSON.stringify(last)})`);
}

describe("failed background jobs in the browser", () => {
  afterAll(disconnectBrowser);

  it("should show the admin a lead sync Respond.io refused, open its prospect, and retry it until it is synced", async () => {
    const admin = await E2eApi.as("admin");
    const { catalogs } = await admin.gql<{ catalogs: { locales: Array<{ id: number; code: string }> } }>(`{ catalogs { locales { id code } } }`);
    const mexico = catalogs.locales.find((locale) => locale.code === "MX") ?? catalogs.locales[0];
    const stamp = Date.now();
    const name = `Lead Rechazado ${stamp}`;
    const company = `Respond.io Rechazo ${stamp}`;
    const { createProspect } = await admin.gql<{ createProspect: { id: string } }>(
      `mutation E2eCreate($input: CreateProspectInput!) { createProspect(input: $input) { id } }`,
      { input: { name, companyName: company, email: `${refusedOnceMarker}-${stamp}@prueba.example`, localeId: mexico?.id } },
    );
    const failed = await syncReaches(admin, createProspect.id, "FAILED");
    expect(failed.lastError).toContain("400");

    await asUser("admin", async (page) => {
      await page.goto("/admin/jobs");
      const link = page.getByRole("link", { name: `${company} (${name})` });
      const row = page.getByRole("row").filter({ has: link });
      await row.getByText(/refused the request: 400/).waitFor();
      await row.getByText("Response").click();
      await row.getByText(/email is not deliverable/).waitFor();

      await link.click();
      await new CrmPage(page).panel(name).waitFor();
      await page.goBack();

      await page.getByRole("button", { name: `Retry Respond.io: new lead · ${company}` }).click();
      await page.getByText(`Respond.io: new lead · ${company} will run again.`).waitFor();
      await link.waitFor({ state: "detached" });
    });

    await syncReaches(admin, createProspect.id, "SYNCED");
    const { failedJobs } = await admin.gql<{ failedJobs: { edges: Array<{ node: { prospect: { id: string } | null } }> } }>(
      `{ failedJobs(first: 100) { edges { node { prospect { id } } } } }`,
    );
    expect(failedJobs.edges.filter((edge) => edge.node.prospect?.id === createProspect.id)).toHaveLength(0);
  });
});
