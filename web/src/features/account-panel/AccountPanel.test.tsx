import { fireEvent, screen, within } from "@testing-library/react";
import { useLocation } from "react-router";

import { AccountPanelDocument } from "../../__generated__/graphql";
import { catalogsMock } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { AccountPanel } from "./AccountPanel";
import { buildPanelAccount, panelAccountId, panelMocks } from "./panelFixtures";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function renderPanel(permissions: readonly string[], account = buildPanelAccount()) {
  return renderWithProviders(
    <>
      <AccountPanel />
      <LocationProbe />
    </>,
    { mocks: panelMocks(permissions, account), route: `/?view=list&account=${encodeURIComponent(account.id)}` },
  );
}

describe("AccountPanel", () => {
  it("should open as a dialog named after the account from the URL and list the sections", async () => {
    renderPanel([]);
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).getByText(/Envíos del Bajío/)).toBeTruthy();
    const tabs = within(dialog).getAllByRole("tab").map((tab) => tab.textContent);
    expect(tabs).toEqual(["Details", "Notes", "Contacts", "Reminders", "Email"]);
  });

  it("should show a removed account read-only: its tabs' controls disabled and no executive picker", async () => {
    const removed = buildPanelAccount({ status: "REMOVED" });
    renderWithProviders(<AccountPanel />, {
      mocks: [...panelMocks(["crm-edit-salesman-prospect"], removed), catalogsMock],
      route: `/?account=${encodeURIComponent(removed.id)}`,
    });
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).getByText("This account was removed. Restore it to make changes.")).toBeTruthy();
    const panel = within(dialog).getByRole("tabpanel");
    expect((await within(panel).findByRole("textbox", { name: "Contact name" })).closest("fieldset:disabled")).not.toBeNull();
    expect(within(dialog).queryByRole("combobox", { name: "Executive" })).toBeNull();
    // Browsing the sections still works.
    expect((within(dialog).getByRole("tab", { name: "Notes" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("should show the locations tab only to users with crm-menu", async () => {
    renderPanel(["crm-menu"]);
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(await within(dialog).findByRole("tab", { name: "Locations" })).toBeTruthy();
  });

  it("should move between tabs with the arrow keys and keep the tab in the URL", async () => {
    renderPanel([]);
    const first = await screen.findByRole("tab", { name: "Details" });
    expect(first.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(first, { key: "End" });
    const last = screen.getByRole("tab", { name: "Email" });
    expect(last.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(last);
    expect(screen.getByTestId("location").textContent).toContain("tab=email");
    fireEvent.keyDown(last, { key: "ArrowRight" });
    expect(screen.getByRole("tab", { name: "Details" }).getAttribute("aria-selected")).toBe("true");
    // The details tab mounts and asks for the catalogs (unmocked here: it settles on an error).
    expect(await screen.findByRole("alert")).toBeTruthy();
  });

  it("should show the partner tab only for a partner prospect and a user with crm-partners", async () => {
    const partner = buildPanelAccount({ type: "PARTNER_PROSPECT" });
    renderPanel(["crm-partners"], { ...partner, __typename: "PartnerProspect" });
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(await within(dialog).findByRole("tab", { name: "Partner" })).toBeTruthy();
  });

  it("should hide the partner tab from a user without crm-partners", async () => {
    const partner = buildPanelAccount({ type: "PARTNER_PROSPECT" });
    renderPanel([], { ...partner, __typename: "PartnerProspect" });
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).queryByRole("tab", { name: "Partner" })).toBeNull();
  });

  it("should offer executive assignment only with crm-edit-salesman-prospect", async () => {
    renderPanel([]);
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(within(dialog).getByText("Executive: Diego Herrera")).toBeTruthy();
    expect(within(dialog).queryByRole("combobox", { name: "Executive" })).toBeNull();
  });

  it("should show the executive picker with crm-edit-salesman-prospect", async () => {
    renderPanel(["crm-edit-salesman-prospect"]);
    const dialog = await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    expect(await within(dialog).findByRole("combobox", { name: "Executive" })).toBeTruthy();
  });

  it("should close on Escape and drop only its own URL parameters", async () => {
    renderPanel([]);
    await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("location").textContent).toBe("?view=list");
  });

  it("should stay open when Escape is pressed in a control of the page beside it", async () => {
    renderWithProviders(
      <>
        <input aria-label="Beside the panel" />
        <AccountPanel />
      </>,
      { mocks: panelMocks([]), route: `/?account=${encodeURIComponent(panelAccountId)}` },
    );
    await screen.findByRole("dialog", { name: "Lucía Ramírez" });
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Beside the panel" }), { key: "Escape" });
    expect(screen.getByRole("dialog", { name: "Lucía Ramírez" })).toBeTruthy();
  });

  it("should say the account is not visible when the server answers NOT_FOUND", async () => {
    renderWithProviders(<AccountPanel />, {
      route: `/?account=${panelAccountId}`,
      mocks: [
        {
          request: { query: AccountPanelDocument, variables: { id: panelAccountId } },
          result: { data: null, errors: [{ message: "nope", extensions: { code: "NOT_FOUND" } }] },
        },
      ],
    });
    expect(await screen.findByRole("dialog", { name: "This account does not exist or is not visible to you." })).toBeTruthy();
  });
});
