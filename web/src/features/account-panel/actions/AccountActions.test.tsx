import { fireEvent, screen, within } from "@testing-library/react";

import { RemoveAccountDocument, RestoreAccountDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildPanelAccount, panelAccountId } from "../panelFixtures";
import { AccountActions } from "./AccountActions";

describe("AccountActions", () => {
  it("should offer convert and remove for a prospect in process, and no restore", () => {
    renderWithProviders(<AccountActions account={buildPanelAccount()} />);
    expect(screen.getByRole("button", { name: "Convert to client" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Remove" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Restore" })).toBeNull();
  });

  it("should offer only restore for a removed account", () => {
    renderWithProviders(<AccountActions account={buildPanelAccount({ status: "REMOVED" })} />);
    expect(screen.getByRole("button", { name: "Restore" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Convert to client" })).toBeNull();
  });

  it("should not offer to convert a client", () => {
    renderWithProviders(<AccountActions account={buildPanelAccount({ type: "CLIENT" })} />);
    expect(screen.queryByRole("button", { name: "Convert to client" })).toBeNull();
  });

  it("should say the account was changed by someone else when removing answers CONFLICT", async () => {
    renderWithProviders(<AccountActions account={buildPanelAccount()} />, {
      mocks: [
        {
          request: { query: RemoveAccountDocument, variables: { input: { accountId: panelAccountId, version: 3 } } },
          result: { errors: [{ message: "stale", extensions: { code: "CONFLICT", currentVersion: 4 } }] },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("It leaves the lists but can be restored.");
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Changed by someone else — reload");
  });

  it("should remove nothing when the confirmation is cancelled", async () => {
    // No mock for RemoveAccount: a request would fail the test with an unmatched-mock error toast.
    renderWithProviders(<AccountActions account={buildPanelAccount()} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText("Account removed.")).toBeNull();
  });

  it("should restore a removed account and say so", async () => {
    const restored = { ...buildPanelAccount(), status: "IN_PROCESS" };
    renderWithProviders(<AccountActions account={buildPanelAccount({ status: "REMOVED" })} />, {
      mocks: [
        {
          request: { query: RestoreAccountDocument, variables: { input: { accountId: panelAccountId } } },
          result: { data: { restoreAccount: restored } },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    expect(await screen.findByText("Account restored.")).toBeTruthy();
  });
});
