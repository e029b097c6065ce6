import { fireEvent, screen, waitFor } from "@testing-library/react";

import { PanelMoveAccountDocument } from "../../../__generated__/graphql";
import { catalogsMock } from "../../../test/fixtures";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildPanelAccount, panelAccountId } from "../panelFixtures";
import { StatusSelect } from "./StatusSelect";

function moveMock(result: Record<string, unknown>) {
  return {
    request: { query: PanelMoveAccountDocument, variables: { input: { accountId: panelAccountId, followUpStatusId: 2, version: 3 } } },
    result,
    delay: 20,
  };
}

describe("StatusSelect", () => {
  it("should move the account to the chosen status and say so", async () => {
    const moved = { ...buildPanelAccount(), version: 4, followUpStatus: { __typename: "FollowUpStatus", id: 2, name: "Contactado", color: "#22aa66" } };
    renderWithProviders(<StatusSelect account={buildPanelAccount()} />, { mocks: [catalogsMock, moveMock({ data: { moveAccount: moved } })] });
    const select = await screen.findByRole("combobox", { name: "Follow-up status" });
    await screen.findByRole("option", { name: "Contactado" });
    fireEvent.change(select, { target: { value: "2" } });
    expect(await screen.findByText("Moved to Contactado.")).toBeTruthy();
  });

  it("should report a colleague's change when the server answers CONFLICT", async () => {
    renderWithProviders(<StatusSelect account={buildPanelAccount()} />, {
      mocks: [catalogsMock, moveMock({ errors: [{ message: "stale", extensions: { code: "CONFLICT" } }] })],
    });
    const select = (await screen.findByRole("combobox", { name: "Follow-up status" })) as HTMLSelectElement;
    await screen.findByRole("option", { name: "Contactado" });
    fireEvent.change(select, { target: { value: "2" } });
    expect((await screen.findByRole("alert")).textContent).toContain("Changed by someone else — reload");
    await waitFor(() => expect(select.disabled).toBe(false));
  });
});
