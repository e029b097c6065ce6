import { fireEvent, screen, waitFor } from "@testing-library/react";

import { MeDocument, SalesmenDocument } from "../../__generated__/graphql";
import { buildViewer, catalogsMock, meMock } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { AddProspectButton } from "./AddProspectButton";

const salesmenMock = {
  request: { query: SalesmenDocument },
  result: { data: { salesmen: [{ __typename: "User", id: "VXNlcjo5", name: "Bruno Soto" }] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

async function openModal(permissions: string[]) {
  const { client } = renderWithProviders(<AddProspectButton />, { mocks: [meMock(buildViewer(permissions)), catalogsMock, salesmenMock] });
  fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));
  await screen.findByLabelText("Contact name");
  // The permissions are known (not still loading) before anything is asserted.
  await waitFor(() => expect(client.readQuery({ query: MeDocument })?.me?.permissions).toEqual(["crm", ...permissions]));
}

describe("AddProspectButton", () => {
  it("should hide the executive picker without crm-edit-salesman-prospect", async () => {
    await openModal([]);
    expect(screen.queryByLabelText("Executive")).toBeNull();
  });

  it("should list the salesmen with the viewer preselected for crm-edit-salesman-prospect", async () => {
    await openModal(["crm-edit-salesman-prospect"]);
    const picker = (await screen.findByLabelText("Executive")) as HTMLSelectElement;
    expect(picker.value).toBe(buildViewer().id);
    expect(await screen.findByRole("option", { name: "Bruno Soto" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "Ana López" })).toBeTruthy();
  });
});
