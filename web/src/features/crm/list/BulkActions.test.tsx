import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, within } from "@testing-library/react";

import {
  BulkMoveAccountDocument,
  BulkRemoveAccountDocument,
  SalesmenDocument,
} from "../../../__generated__/graphql";
import { accountsConnection, accountsMock, buildAccount, buildViewer, catalogsMock, meMock } from "../../../test/fixtures";
import { fakeLayout } from "../../../test/layout";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { ListView } from "./ListView";

const acme = buildAccount(1, "Acme");
const bodega = buildAccount(2, "Bodega", "Client");

const salesmenMock: MockLink.MockedResponse = {
  request: { query: SalesmenDocument },
  result: {
    data: {
      salesmen: [
        { __typename: "User", id: "VXNlcjoy", name: "Beto Ruiz" },
        { __typename: "User", id: "VXNlcjoz", name: "Carla Díaz" },
      ],
    },
  },
};

function renderList(permissions: string[], mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(
    <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={null} onOpenAccount={jest.fn()} />,
    {
      mocks: [meMock(buildViewer(permissions)), catalogsMock, salesmenMock, accountsMock({}, accountsConnection([acme, bodega])), ...mocks],
    },
  );
}

async function selectBoth() {
  await screen.findByRole("button", { name: "Acme" });
  fireEvent.click(screen.getByRole("checkbox", { name: "Select Acme" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "Select Bodega" }));
  return screen.getByRole("toolbar", { name: "Actions on selected accounts" });
}

describe("BulkActions", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout();
    window.localStorage.clear();
  });
  afterEach(() => restoreLayout());

  it("should offer no assignment when the viewer lacks crm-edit-salesman-prospect", async () => {
    renderList([], []);
    const toolbar = await selectBoth();

    expect(within(toolbar).queryByRole("combobox", { name: "Assign to…" })).toBeNull();
    expect(within(toolbar).getByRole("combobox", { name: "Move to status…" })).toBeTruthy();
    expect(within(toolbar).getByRole("button", { name: "Remove" })).toBeTruthy();
  });

  it("should offer the executives when the viewer may reassign accounts", async () => {
    renderList(["crm-edit-salesman-prospect"], []);
    const toolbar = await selectBoth();

    const assign = within(toolbar).getByRole("combobox", { name: "Assign to…" });
    expect(await within(assign).findByRole("option", { name: "Carla Díaz" })).toBeTruthy();
  });

  it("should move every selected account, refresh the list and clear the selection", async () => {
    const moved = (account: typeof acme) => ({
      request: { query: BulkMoveAccountDocument, variables: { input: { accountId: account.id, followUpStatusId: 2, version: 1 } } },
      result: {
        data: {
          moveAccount: {
            __typename: account.__typename,
            id: account.id,
            version: 2,
            status: "IN_PROCESS",
            followUpStatus: { __typename: "FollowUpStatus", id: 2, name: "Contactado", color: "#22aa66" },
            updatedAt: "2025-02-01T00:00:00.000Z",
          },
        },
      },
    });
    renderList([], [moved(acme), moved(bodega), accountsMock({}, accountsConnection([acme, bodega]))]);
    const toolbar = await selectBoth();
    const move = within(toolbar).getByRole("combobox", { name: "Move to status…" });
    await within(move).findByRole("option", { name: "Contactado" });

    fireEvent.change(move, { target: { value: "2" } });
    fireEvent.click(within(toolbar).getByRole("button", { name: "Move" }));

    expect(await screen.findByText("Moved 2 accounts.")).toBeTruthy();
    expect(screen.queryByRole("toolbar", { name: "Actions on selected accounts" })).toBeNull();
  });

  it("should report the accounts that failed and still remove the others after confirmation", async () => {
    renderList(
      [],
      [
        {
          request: { query: BulkRemoveAccountDocument, variables: { input: { accountId: acme.id, version: 1 } } },
          result: {
            data: {
              removeAccount: { __typename: "Prospect", id: acme.id, version: 2, status: "REMOVED", updatedAt: "2025-02-01T00:00:00.000Z" },
            },
          },
        },
        {
          request: { query: BulkRemoveAccountDocument, variables: { input: { accountId: bodega.id, version: 1 } } },
          result: { errors: [{ message: "stale", extensions: { code: "CONFLICT" } }] },
        },
        accountsMock({}, accountsConnection([bodega])),
      ],
    );
    const toolbar = await selectBoth();

    fireEvent.click(within(toolbar).getByRole("button", { name: "Remove" }));
    const dialog = screen.getByRole("dialog", { name: "Remove 2 accounts?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove" }));

    expect(await screen.findByText("Removed 1 account.")).toBeTruthy();
    expect(
      screen.getByText("1 account could not be changed: Someone else changed this record. Reload and try again."),
    ).toBeTruthy();
  });
});
