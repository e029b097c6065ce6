import { fireEvent, screen, within } from "@testing-library/react";

import { buildViewer, meMock } from "../test/fixtures";
import { renderWithProviders } from "../test/renderWithProviders";
import { TopBar } from "./TopBar";

describe("TopBar", () => {
  afterEach(() => window.localStorage.clear());

  it("should show the viewer and no Admin link when the viewer is not an admin", async () => {
    renderWithProviders(<TopBar />, { mocks: [meMock(buildViewer(["all-prospects", "crm-manager"]))] });

    expect(await screen.findByText("Ana López")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Accounts" })).toBeTruthy();
    expect(within(nav).queryByRole("link", { name: "Admin" })).toBeNull();
  });

  it("should show the Admin link when the viewer has the admin permission", async () => {
    renderWithProviders(<TopBar />, { mocks: [meMock(buildViewer(["admin"]))] });

    const link = await screen.findByRole("link", { name: "Admin" });
    expect(link.getAttribute("href")).toBe("/admin");
  });

  it("should switch every string to Spanish when Español is picked", async () => {
    renderWithProviders(<TopBar />, { mocks: [meMock(buildViewer(["admin"]))] });
    await screen.findByText("Ana López");

    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "es-MX" } });

    expect(screen.getByRole("button", { name: "Cerrar sesión" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Administración" })).toBeTruthy();
  });
});
