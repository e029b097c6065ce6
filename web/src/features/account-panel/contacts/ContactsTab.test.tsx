import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import { AccountContactsDocument, RemoveContactDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { panelAccountId } from "../panelFixtures";
import { ContactsTab } from "./ContactsTab";

const account = { __typename: "Prospect", id: panelAccountId, locale: { phoneCode: "52" } };
const contactId = "Q29udGFjdDox";

const contactsMock = {
  request: { query: AccountContactsDocument, variables: { id: panelAccountId } },
  result: {
    data: {
      account: {
        __typename: "Prospect",
        id: panelAccountId,
        contacts: [
          {
            __typename: "Contact",
            id: contactId,
            name: "Pedro Ruiz",
            email: "pedro@bajio.mx",
            jobTitle: "Compras",
            phone: null,
            createdAt: "2025-01-01T10:00:00.000Z",
          },
        ],
      },
    },
  },
};

describe("ContactsTab", () => {
  it("should remove a contact only after the confirmation dialog is accepted", async () => {
    const removed = jest.fn(() => ({ data: { removeContact: { __typename: "Contact", id: contactId } } }));
    renderWithProviders(<ContactsTab account={account} />, {
      mocks: [contactsMock, { request: { query: RemoveContactDocument, variables: { input: { id: contactId } } }, result: removed }],
    });
    fireEvent.click(await screen.findByRole("button", { name: "Remove Pedro Ruiz" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove Pedro Ruiz from this account?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(removed).not.toHaveBeenCalled();
    expect(screen.getByText("Pedro Ruiz")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Remove Pedro Ruiz" }));
    const again = await screen.findByRole("dialog", { name: "Remove Pedro Ruiz from this account?" });
    fireEvent.click(within(again).getByRole("button", { name: "Remove Pedro Ruiz" }));
    expect(await screen.findByText("Contact removed.")).toBeTruthy();
    expect(removed).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Pedro Ruiz")).toBeNull();
    expect(screen.getByText(/No other contacts/)).toBeTruthy();
  });
});
