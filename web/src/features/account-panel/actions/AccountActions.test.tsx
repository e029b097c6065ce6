import { fireEvent, screen } from "@testing-library/react";

import { RemoveAccountDocument, RestoreAccountDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildPanelAccount, panelAccountId } from "../panelFixtures";
import { AccountActions } from "./AccountActions";

describe("AccountActions", () => {
  beforeEach(() => {
    jest.spyOn(window, "confirm").mockReturnValue(true);
  });

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
    expect((await screen.findByRole("alert")).textContent).toContain("Changed by someone else — reload");
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
