import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";

import { MeDocument } from "../../../__generated__/graphql";
import { accountsConnection, accountsMock, buildAccount, buildViewer, meMock } from "../../../test/fixtures";
import { fakeLayout } from "../../../test/layout";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { ListView } from "./ListView";
import { localPreferencesKey } from "./tablePreferences";

const viewer = buildViewer();
const accounts = [buildAccount(1, "Acme"), buildAccount(2, "Bodega", "Client"), buildAccount(3, "Casa")];

function renderList(onOpenAccount = jest.fn()) {
  const result = renderWithProviders(
    <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={null} onOpenAccount={onOpenAccount} />,
    { mocks: [meMock(viewer), accountsMock({}, accountsConnection(accounts, { totalCount: 3 }))] },
  );
  return { ...result, onOpenAccount };
}

/**
 * Waits for the rows and for the signed-in viewer: the layout is stored under the viewer's id, and
 * on a loaded machine the accounts can answer before `me` (the app itself renders the list only
 * after the session check).
 */
async function listReady(client: ReturnType<typeof renderList>["client"]): Promise<void> {
  await screen.findByRole("button", { name: "Acme" });
  await waitFor(() => expect(client.readQuery({ query: MeDocument })?.me?.id).toBe(viewer.id));
}

function headerNames(): string[] {
  return screen
    .getAllByRole("columnheader")
    .slice(1)
    .map((header) => header.textContent?.replace(/[▲▼]/g, "").trim() ?? "");
}

describe("ListView", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout();
    window.localStorage.clear();
  });
  afterEach(() => restoreLayout());

  it("should show the total and a row per loaded account", async () => {
    renderList();
    expect(await screen.findByRole("button", { name: "Casa" })).toBeTruthy();
    expect(screen.getByTestId("accounts-total").textContent).toBe("3");
    expect(screen.getByText("Showing 3 of 3")).toBeTruthy();
  });

  it("should fetch the next page by itself when the end of the loaded rows comes into view", async () => {
    renderWithProviders(
      <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={null} onOpenAccount={jest.fn()} />,
      {
        mocks: [
          meMock(viewer),
          accountsMock({}, accountsConnection(accounts, { totalCount: 4, hasNextPage: true })),
          accountsMock({ after: "cursor-3" }, accountsConnection([buildAccount(4, "Dulcería")], { totalCount: 4 })),
        ],
      },
    );

    expect(await screen.findByRole("button", { name: "Dulcería" })).toBeTruthy();
    expect(screen.getByText("Showing 4 of 4")).toBeTruthy();
    // One request per page: a second "more" request for the same cursor would have no mock and fail.
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("should keep only the rows in view in the DOM when thousands are loaded", async () => {
    const many = Array.from({ length: 2000 }, (_, index) => buildAccount(index + 1, `Cuenta ${index + 1}`));
    renderWithProviders(
      <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={null} onOpenAccount={jest.fn()} />,
      { mocks: [meMock(viewer), accountsMock({}, accountsConnection(many, { totalCount: 2000 }))] },
    );

    expect(await screen.findByRole("button", { name: "Cuenta 1" })).toBeTruthy();
    // 800px of 40px rows plus overscan: a few dozen rows, not 2000.
    expect(screen.getAllByRole("row").length).toBeLessThan(60);
    expect(screen.queryByRole("button", { name: "Cuenta 1999" })).toBeNull();
    expect(screen.getByRole("table").getAttribute("aria-rowcount")).toBe("2001");
  });

  it("should hide a column, remember it in localStorage and paint without it after a reload", async () => {
    const first = renderList();
    await listReady(first.client);
    expect(headerNames()).toContain("Company");

    fireEvent.click(screen.getByRole("button", { name: "Columns" }));
    fireEvent.click(within(screen.getByRole("group", { name: "Columns" })).getByRole("checkbox", { name: "Company" }));

    expect(headerNames()).not.toContain("Company");
    const saved = JSON.parse(window.localStorage.getItem(localPreferencesKey(viewer.id)) ?? "{}") as {
      columns: { key: string; visible: boolean }[];
    };
    expect(saved.columns.find((column) => column.key === "companyName")?.visible).toBe(false);

    first.unmount();
    await listReady(renderList().client);
    expect(headerNames()).not.toContain("Company");
    expect(headerNames()[0]).toBe("Name");
  });

  it("should widen a column with the keyboard and remember the width", async () => {
    const { client } = renderList();
    await listReady(client);
    const handle = screen.getByRole("separator", { name: "Resize Name" });

    fireEvent.keyDown(handle, { key: "ArrowRight" });
    fireEvent.keyDown(screen.getByRole("separator", { name: "Resize Name" }), { key: "ArrowRight" });

    expect(screen.getByRole("separator", { name: "Resize Name" }).getAttribute("aria-valuenow")).toBe("192");
    const saved = JSON.parse(window.localStorage.getItem(localPreferencesKey(viewer.id)) ?? "{}") as {
      columns: { key: string; width: number }[];
    };
    expect(saved.columns.find((column) => column.key === "name")?.width).toBe(192);
  });

  it("should reorder columns when a column is moved up in the chooser", async () => {
    renderList();
    await screen.findByRole("button", { name: "Acme" });
    fireEvent.click(screen.getByRole("button", { name: "Columns" }));

    fireEvent.click(screen.getByRole("button", { name: "Move Company up" }));

    expect(headerNames().slice(0, 2)).toEqual(["Company", "Name"]);
  });

  it("should move focus with the arrow keys, open with Enter and select with Space", async () => {
    const { onOpenAccount } = renderList();
    await screen.findByRole("button", { name: "Acme" });
    const rows = () => screen.getAllByRole("row").slice(1);
    const [firstRow] = rows();
    if (!firstRow) {
      throw new Error("no rows");
    }
    expect(firstRow.getAttribute("tabindex")).toBe("0");
    act(() => firstRow.focus());

    fireEvent.keyDown(firstRow, { key: "ArrowDown" });
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });

    const secondRow = rows()[1];
    expect(document.activeElement).toBe(secondRow);
    if (!secondRow) {
      throw new Error("no second row");
    }
    fireEvent.keyDown(secondRow, { key: "Enter" });
    expect(onOpenAccount).toHaveBeenCalledWith("Client:2");

    fireEvent.keyDown(secondRow, { key: " " });
    expect(within(secondRow).getByRole("checkbox", { name: "Select Bodega" })).toHaveProperty("checked", true);
    expect(screen.getByRole("toolbar", { name: "Actions on selected accounts" }).textContent).toContain("1 selected");
  });

  it("should follow every key press when arrows are pressed faster than focus moves", async () => {
    renderList();
    await screen.findByRole("button", { name: "Acme" });
    const [firstRow] = screen.getAllByRole("row").slice(1);
    act(() => firstRow?.focus());

    // Both presses target the first row's element, as when the second key arrives before focus moved.
    fireEvent.keyDown(firstRow as HTMLElement, { key: "ArrowDown" });
    fireEvent.keyDown(firstRow as HTMLElement, { key: "ArrowDown" });

    expect(document.activeElement?.textContent).toContain("Casa");
  });

  it("should give focus back to the account's row when the side panel closes", async () => {
    function Harness() {
      const [openId, setOpenId] = useState<string | null>(null);
      return (
        <>
          <ListView filter={undefined} sort={null} onSortChange={jest.fn()} openAccountId={openId} onOpenAccount={setOpenId} />
          {openId ? (
            <button type="button" onClick={(event) => { event.currentTarget.blur(); setOpenId(null); }}>
              close panel
            </button>
          ) : null}
        </>
      );
    }
    renderWithProviders(<Harness />, { mocks: [meMock(viewer), accountsMock({}, accountsConnection(accounts, { totalCount: 3 }))] });
    fireEvent.click(await screen.findByRole("button", { name: "Bodega" }));

    fireEvent.click(screen.getByRole("button", { name: "close panel" }));

    expect(document.activeElement?.textContent).toContain("Bodega");
    expect(document.activeElement?.tagName).toBe("TR");
  });

  it("should export the selected rows as CSV and confirm with a toast", async () => {
    const createObjectURL = jest.fn((blob: Blob) => {
      expect(blob.type).toBe("text/csv;charset=utf-8");
      return "blob:csv";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderList();
    await screen.findByRole("button", { name: "Acme" });

    fireEvent.click(screen.getByRole("checkbox", { name: "Select all loaded rows" }));
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toContain("Exported 3 accounts.");
    click.mockRestore();
  });
});
