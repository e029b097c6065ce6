import { asUser, disconnectBrowser } from "./support/session";

describe("the CRM in Spanish", () => {
  afterAll(disconnectBrowser);

  it("should sign in and open an account in es-MX when the browser prefers Spanish", async () => {
    await asUser(
      "sdr",
      async (page) => {
        const table = page.getByRole("table", { name: "Cuentas" });
        const first = table.locator("tbody").getByRole("button").first();
        const name = (await first.textContent())?.trim() ?? "";
        await first.click();
        const panel = page.getByRole("dialog", { name });
        await panel.getByRole("tab", { name: "Notas" }).click();
        await panel.getByRole("button", { name: "Agregar nota" }).click();
        await panel.getByText("Escribe la nota.").waitFor();
      },
      { locale: "es-MX" },
    );
  });
});
