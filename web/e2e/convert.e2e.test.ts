import { E2eApi } from "./support/api";
import { CrmPage } from "./support/crmPage";
import { asUser, disconnectBrowser } from "./support/session";

interface Company {
  readonly id: string;
  readonly name: string;
  readonly taxId: string | null;
}

describe("converting a prospect in the browser", () => {
  afterAll(disconnectBrowser);

  it("should convert a new prospect into an existing company found with the company search", async () => {
    const sdr = await E2eApi.as("sdr");
    const { catalogs } = await sdr.gql<{ catalogs: { locales: Array<{ id: number; code: string }> } }>(`{ catalogs { locales { id code } } }`);
    const mexico = catalogs.locales.find((locale) => locale.code === "MX") ?? catalogs.locales[0];
    const stamp = Date.now();
    const name = `Conversión ${stamp}`;
    const { createProspect } = await sdr.gql<{ createProspect: { id: string } }>(
      `mutation E2eCreate($input: CreateProspectInput!) { createProspect(input: $input) { id } }`,
      { input: { name, companyName: `Prospecto E2E ${stamp}`, email: `conversion${stamp}@example.com`, localeId: mexico?.id } },
    );
    const { companies } = await sdr.gql<{ companies: { edges: Array<{ node: Company }> } }>(`{ companies(first: 1) { edges { node { id name taxId } } } }`);
    const company = companies.edges[0]?.node;
    if (!company) {
      throw new Error("the demo data has no companies");
    }

    await asUser("sdr", async (page) => {
      const crm = new CrmPage(page);
      await crm.open(`?account=${encodeURIComponent(createProspect.id)}`);
      const panel = crm.panel(name);
      await panel.waitFor();
      await panel.getByRole("button", { name: "Convert to client" }).click();
      await panel.getByRole("combobox", { name: "Company" }).fill(company.name);
      const optionName = company.taxId ? `${company.name} · ${company.taxId}` : company.name;
      await panel.getByRole("option", { name: optionName, exact: true }).click();
      await panel.getByRole("button", { name: "Convert", exact: true }).click();
      await page.getByText("Converted to client.").waitFor();
    });

    const { account } = await sdr.gql<{ account: { __typename: string; company?: { id: string } } }>(
      `query E2eConverted($id: ID!) { account(id: $id) { __typename ... on Client { company { id } } } }`,
      { id: createProspect.id },
    );
    expect(account).toEqual({ __typename: "Client", company: { id: company.id } });
  });
});
