import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import {
  SaveTablePreferencesDocument,
  TablePreferencesDocument,
  type SaveTablePreferencesMutationVariables,
} from "../../../__generated__/graphql";
import { accountsConnection, accountsMock, buildAccount, buildViewer, meMock } from "../../../test/fixtures";
import { fakeLayout } from "../../../test/layout";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { ListView } from "./ListView";
import { localPreferencesKey } from "./tablePreferences";

const viewer = buildViewer();

function serverPreferences(columns: { key: string; visible: boolean; width: number | null }[], updatedAt: string | null) {
  return {
    __typename: "TablePreferences",
    view: "LIST",
    columns: columns.map((column) => ({ __typename: "ColumnPreference", ...column })),
    sort: { __typename: "SortPreference", key: "companyName", direction: "ASC" },
    updatedAt,
  };
}

function preferencesMock(preferences: ReturnType<typeof serverPreferences>): MockLink.MockedResponse {
  return {
    request: { query: TablePreferencesDocument, variables: { view: "LIST" } },
    result: { data: { tablePreferences: preferences } },
  };
}

function renderList(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(
    <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={null} onOpenAccount={jest.fn()} />,
    { mocks: [meMock(viewer), ...mocks] },
  );
}

const headers = () => screen.getAllByRole("columnheader").slice(1).map((header) => header.textContent?.replace(/[▲▼]/g, "").trim());

describe("ListView preferences on the server", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout();
    window.localStorage.clear();
  });
  afterEach(() => restoreLayout());

  it("should adopt the saved server layout and its sort and cache them locally", async () => {
    const saved = serverPreferences(
      [
        { key: "email", visible: true, width: 220 },
        { key: "name", visible: true, width: 180 },
      ],
      "2025-02-01T10:00:00.000Z",
    );
    renderList([
      preferencesMock(saved),
      accountsMock({}, accountsConnection([buildAccount(1, "Acme")])),
      accountsMock({ orderBy: { field: "COMPANY_NAME", direction: "ASC" } }, accountsConnection([buildAccount(1, "Acme")])),
    ]);

    await waitFor(() => expect(headers()).toEqual(["Email", "Name"]));
    const cached = JSON.parse(window.localStorage.getItem(localPreferencesKey(viewer.id)) ?? "{}") as {
      columns: { key: string; visible: boolean }[];
      sort: unknown;
    };
    expect(cached.columns.filter((column) => column.visible).map((column) => column.key)).toEqual(["email", "name"]);
    expect(cached.sort).toEqual({ field: "COMPANY_NAME", direction: "ASC" });
  });

  it("should save the new layout to the server when a column is hidden", async () => {
    const saveMatcher = jest.fn((variables: SaveTablePreferencesMutationVariables) => variables.input.view === "LIST");
    renderList([
      preferencesMock(serverPreferences([], null)),
      accountsMock({}, accountsConnection([buildAccount(1, "Acme")])),
      {
        request: { query: SaveTablePreferencesDocument, variables: saveMatcher },
        result: { data: { saveTablePreferences: serverPreferences([], "2025-02-01T10:00:00.000Z") } },
      },
    ]);
    await screen.findByRole("button", { name: "Acme" });

    fireEvent.click(screen.getByRole("button", { name: "Columns" }));
    fireEvent.click(within(screen.getByRole("group", { name: "Columns" })).getByRole("checkbox", { name: "Company" }));

    // The save is debounced; the global asyncUtilTimeout (jest.setupAfterEnv.cjs) covers the wait.
    await waitFor(() => expect(saveMatcher).toHaveBeenCalled());
    const { input } = saveMatcher.mock.calls[0]?.[0] ?? { input: null };
    expect(input?.columns.find((column) => column.key === "companyName")).toEqual({ key: "companyName", visible: false, width: 160 });
    expect(input?.columns).toHaveLength(19);
    expect(input?.sort).toBeNull();
  });

  it("should still save a change when the list is left before the save delay", async () => {
    const saveMatcher = jest.fn((variables: SaveTablePreferencesMutationVariables) => variables.input.view === "LIST");
    const { unmount } = renderList([
      preferencesMock(serverPreferences([], null)),
      accountsMock({}, accountsConnection([buildAccount(1, "Acme")])),
      {
        request: { query: SaveTablePreferencesDocument, variables: saveMatcher },
        result: { data: { saveTablePreferences: serverPreferences([], "2025-02-01T10:00:00.000Z") } },
      },
    ]);
    await screen.findByRole("button", { name: "Acme" });
    fireEvent.click(screen.getByRole("button", { name: "Columns" }));
    fireEvent.click(within(screen.getByRole("group", { name: "Columns" })).getByRole("checkbox", { name: "Email" }));

    unmount();

    expect(saveMatcher).toHaveBeenCalledTimes(1);
    expect(saveMatcher.mock.calls[0]?.[0].input.columns.find((column) => column.key === "email")?.visible).toBe(true);
  });
});
