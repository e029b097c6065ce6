import { screen, within } from "@testing-library/react";

import { renderWithProviders } from "../../test/renderWithProviders";
import { AccountPanel } from "./AccountPanel";
import { buildPanelAccount, panelMocks } from "./panelFixtures";

function renderPanelWith(respondioSync: { status: "PENDING" | "SYNCED" | "FAILED" | "SKIPPED"; lastError: string | null } | null, locale: "en" | "es-MX" = "en") {
  // The cache needs the typename; a variable (not a literal) passes the fixture's type.
  const sync = respondioSync && { __typename: "RespondioSync" as const, ...respondioSync };
  const account = buildPanelAccount({ respondioSync: sync });
  return renderWithProviders(<AccountPanel />, { mocks: panelMocks([], account), route: `/?account=${encodeURIComponent(account.id)}`, locale });
}

describe("the side panel's Respond.io lead sync fact", () => {
  it("should say a failed sync failed, and why", async () => {
    renderPanelWith({ status: "FAILED", lastError: "PermanentJobError: Respond.io upsertContact refused the request: 400 Bad Request" });
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).getByText("Respond.io: Sync failed — PermanentJobError: Respond.io upsertContact refused the request: 400 Bad Request")).toBeTruthy();
  });

  it("should give a skip's reason and no reason for a synced account", async () => {
    const { unmount } = renderPanelWith({ status: "SKIPPED", lastError: "not configured" });
    expect(await screen.findByText("Respond.io: Not synced — not configured")).toBeTruthy();
    unmount();
    renderPanelWith({ status: "SYNCED", lastError: null }, "es-MX");
    expect(await screen.findByText("Respond.io: Sincronizado")).toBeTruthy();
  });

  it("should show nothing for an account without a sync job", async () => {
    renderPanelWith(null);
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).queryByText(/Respond\.io/)).toBeNull();
  });
});
