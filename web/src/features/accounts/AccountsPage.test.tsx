import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, within } from "@testing-library/react";
import { useLocation } from "react-router";

import {
  AccountsDocument,
  type AccountsQuery,
  type AccountsQueryVariables,
} from "../../__generated__/graphql";
import { renderWithProviders } from "../../test/renderWithProviders";
import { AccountsPage } from "./AccountsPage";
import { accountsPageSize } from "./useAccounts";

type AccountsMock = MockLink.MockedResponse<AccountsQuery, AccountsQueryVariables>;

function buildAccount(legacyId: number, name: string, typename: "Prospect" | "Client" = "Prospect") {
  return {
    __typename: typename,
    id: `${typename}:${legacyId}`,
    legacyId,
    type: typename === "Client" ? "CLIENT" : "PROSPECT",
    status: "IN_PROCESS",
    name,
    companyName: `${name} S.A. de C.V.`,
    email: null,
    followUpStatus: { __typename: "FollowUpStatus", id: 1, name: "Nuevo", color: "#3366ff" },
    salesman: { __typename: "User", id: "VXNlcjox", name: "Ana López" },
    createdAt: "2025-01-15T12:00:00.000Z",
  } as const;
}

function connection(
  accounts: ReadonlyArray<ReturnType<typeof buildAccount>>,
  options: { totalCount: number; hasNextPage: boolean },
) {
  return {
    accounts: {
      __typename: "AccountConnection",
      totalCount: options.totalCount,
      edges: accounts.map((node) => ({ __typename: "AccountEdge", cursor: `cursor-${node.legacyId}`, node })),
      pageInfo: {
        __typename: "PageInfo",
        hasNextPage: options.hasNextPage,
        endCursor: accounts.length > 0 ? `cursor-${accounts[accounts.length - 1]?.legacyId}` : null,
      },
    },
  };
}

function accountsMock(variables: AccountsQueryVariables, data: ReturnType<typeof connection>): AccountsMock {
  return { request: { query: AccountsDocument, variables }, result: { data } };
}

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{`${location.pathname}${location.search}`}</output>;
}

function bodyRows(): HTMLElement[] {
  const [, body] = screen.getAllByRole("rowgroup");
  return body ? within(body).queryAllByRole("row") : [];
}

describe("AccountsPage", () => {
  it("should list the first page and append the next one when load more is clicked", async () => {
    renderWithProviders(<AccountsPage />, {
      mocks: [
        accountsMock(
          { first: accountsPageSize },
          connection([buildAccount(1, "Acme"), buildAccount(2, "Bodega", "Client")], { totalCount: 3, hasNextPage: true }),
        ),
        accountsMock(
          { first: accountsPageSize, after: "cursor-2" },
          connection([buildAccount(3, "Casa")], { totalCount: 3, hasNextPage: false }),
        ),
      ],
    });

    expect(await screen.findByText("Acme")).toBeTruthy();
    expect(bodyRows()).toHaveLength(2);
    expect(screen.getByText("Client")).toBeTruthy();
    expect(screen.getByText("Showing 2 of 3")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Load more" }));

    expect(await screen.findByText("Casa")).toBeTruthy();
    expect(bodyRows().map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual(["Acme", "Bodega", "Casa"]);
    expect(screen.getByText("Showing 3 of 3")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("should query with the search filter and put it in the URL when the user types", async () => {
    renderWithProviders(
      <>
        <AccountsPage />
        <LocationProbe />
      </>,
      {
      mocks: [
        accountsMock({ first: accountsPageSize }, connection([buildAccount(1, "Acme")], { totalCount: 1, hasNextPage: false })),
        accountsMock(
          { first: accountsPageSize, filter: { search: "bod" } },
          connection([buildAccount(2, "Bodega")], { totalCount: 1, hasNextPage: false }),
        ),
      ],
      },
    );
    expect(await screen.findByText("Acme")).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: " bod" } });

    expect(await screen.findByText("Bodega")).toBeTruthy();
    expect(screen.queryByText("Acme")).toBeNull();
    expect(screen.getByRole("status", { name: "location" }).textContent).toBe("/?q=bod");
  });

  it("should show the mapped error message when the query fails", async () => {
    renderWithProviders(<AccountsPage />, {
      mocks: [
        {
          request: { query: AccountsDocument, variables: { first: accountsPageSize } },
          result: { data: null, errors: [{ message: "nope", extensions: { code: "FORBIDDEN" } }] },
        },
      ],
    });

    expect((await screen.findByRole("alert")).textContent).toBe("You do not have permission to do this.");
  });
});
