import { ApolloLink } from "@apollo/client";
import { MockLink } from "@apollo/client/testing";
import { fireEvent, screen } from "@testing-library/react";

import { AccountsDocument, ApiTokensDocument, LogoutDocument, MeDocument } from "./__generated__/graphql";
import { App } from "./App";
import { accountsPageSize } from "./features/accounts/useAccounts";
import { buildViewer, catalogsMock, meMock } from "./test/fixtures";
import { renderWithProviders } from "./test/renderWithProviders";

const ana = {
  __typename: "User",
  id: "VXNlcjox",
  legacyId: 1,
  name: "Ana López",
  email: "ana@example.com",
  permissions: ["crm"],
} as const;

const meSignedOut: MockLink.MockedResponse = { request: { query: MeDocument }, result: { data: { me: null } } };
const meSignedIn: MockLink.MockedResponse = { request: { query: MeDocument }, result: { data: { me: ana } } };
const emptyAccounts: MockLink.MockedResponse = {
  request: { query: AccountsDocument, variables: { first: accountsPageSize } },
  result: {
    data: {
      accounts: {
        __typename: "AccountConnection",
        totalCount: 0,
        edges: [],
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      },
    },
  },
};

/** A MockLink that also records the name of every operation sent, in order. */
function recordingLink(mocks: MockLink.MockedResponse[]): { link: ApolloLink; sent: string[] } {
  const sent: string[] = [];
  const recorder = new ApolloLink((operation, forward) => {
    sent.push(operation.operationName ?? "anonymous");
    return forward(operation);
  });
  return { link: recorder.concat(new MockLink(mocks, { showWarnings: false })), sent };
}

describe("App", () => {
  it("should show the login page when nobody is signed in", async () => {
    renderWithProviders(<App />, { mocks: [meSignedOut], route: "/" });

    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Accounts" })).toBeNull();
  });

  it("should show the viewer's name and the accounts page when signed in", async () => {
    renderWithProviders(<App />, { mocks: [meSignedIn, emptyAccounts, catalogsMock], route: "/" });

    expect(await screen.findByText("Ana López")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Accounts" })).toBeTruthy();
    expect(await screen.findByText("No accounts match these filters.")).toBeTruthy();
  });

  it("should go back to the login page with an empty cache and no extra request after logout", async () => {
    const { link, sent } = recordingLink([
      meSignedIn,
      emptyAccounts,
      catalogsMock,
      { request: { query: LogoutDocument }, result: { data: { logout: true } } },
    ]);
    const { client } = renderWithProviders(<App />, { link, route: "/" });
    expect(await screen.findByText("Ana López")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByText("Ana López")).toBeNull();
    // The CRM page's queries start together (their order is not fixed); nothing is sent after Logout.
    expect(sent[0]).toBe("Me");
    expect(sent.at(-1)).toBe("Logout");
    expect([...sent].sort()).toEqual(["Accounts", "Catalogs", "Logout", "Me", "TablePreferences"]);
    expect(client.cache.extract()).toEqual({ ROOT_QUERY: { __typename: "Query", me: null } });
  });

  it("should send the user to login when the session expires mid-use", async () => {
    renderWithProviders(<App />, {
      mocks: [
        meSignedIn,
        {
          request: { query: AccountsDocument, variables: { first: accountsPageSize } },
          result: { data: null, errors: [{ message: "You must sign in", extensions: { code: "UNAUTHENTICATED" } }] },
        },
      ],
      route: "/",
    });

    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByText("Ana López")).toBeNull();
  });

  it("should refuse the admin pages without asking the server when the viewer is not an admin", async () => {
    const { link, sent } = recordingLink([meMock(buildViewer(["all-prospects", "crm-manager"]))]);
    renderWithProviders(<App />, { link, route: "/admin/tokens" });

    expect(await screen.findByText("Only administrators can open this page.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Admin" })).toBeNull();
    expect(sent).toEqual(["Me"]);
  });

  it("should open the API tokens page from the admin navigation when the viewer is an admin", async () => {
    renderWithProviders(<App />, {
      mocks: [meMock(buildViewer(["admin"])), { request: { query: ApiTokensDocument }, result: { data: { apiTokens: [] } } }],
      route: "/admin/tokens",
    });

    expect(await screen.findByRole("heading", { name: "API tokens" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Users" }).getAttribute("href")).toBe("/admin/users");
    expect(screen.getByRole("link", { name: "GraphQL playground" }).getAttribute("href")).toBe("/playground");
  });
});
