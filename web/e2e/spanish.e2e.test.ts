import { newAppPage, demoPassword, demoUsers, disconnectBrowser } from "./support/session";

describe("the CRM in Spanish", () => {
  afterAll(disconnectBrowser);

  it("should sign in and open an account in es-MX when the browser prefers Spanish", async () => {
    const { context, page } = await newAppPage({ locale: "es-MX" });
    try {
      await page.goto("/login");
      await page.getByLabel("Correo electrónico").fill(demoUsers.sdr);
      await page.getByLabel("Contraseña").fill(demoPassword);
      await page.getByRole("button", { name: "Entrar" }).click();
      await page.getByRole("button", { name: "Cerrar sesión" }).waitFor();

      const table = page.getByRole("table", { name: "Cuentas" });
      const first = table.locator("tbody").getByRole("button").first();
      const name = (await first.textContent())?.trim() ?? "";
      await first.click();
      const panel = page.getByRole("dialog", { name });
      await panel.getByRole("tab", { name: "Notas" }).click();
      await panel.getByRole("button", { name: "Agregar nota" }).click();
      await panel.getByText("Escribe la nota.").waitFor();
    } finally {
      await context.close();
    }
  });
});
