import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";

import { AccountsDocument } from "../../__generated__/graphql";
import { accountsConnection, buildAccount } from "../../test/fixtures";
import { fakeLayout } from "../../test/layout";
import { renderWithProviders } from "../../test/renderWithProviders";
import { accountsPageSize } from "../accounts/useAccounts";
import { buildImport, buildRow, importId, importLink, rowsPage } from "./importFixtures";
import { ImportPanel } from "./ImportPanel";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{decodeURIComponent(location.search)}</output>;
}

const locationSearch = () => screen.getByTestId("location").textContent ?? "";

/** Polls every 10 ms: the tests wait for states, never for time. */
function renderPanel(link: ReturnType<typeof importLink>, locale: "en" | "es-MX" = "en") {
  return renderWithProviders(
    <>
      <ImportPanel pollMs={10} />
      <LocationProbe />
    </>,
    { link: link.link, route: `/?import=${importId}`, locale },
  );
}

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

describe("ImportPanel", () => {
  it("should show the validation's progress while the server checks the rows, then the report once it is done", async () => {
    const server = { current: buildImport("VALIDATING", { totalRows: 200, processedRows: 80 }), rows: {}, permissions: [] };
    const link = importLink(server);
    renderPanel(link);

    const progress = await screen.findByRole("progressbar", { name: "Checking the rows…" });
    expect(progress.getAttribute("value")).toBe("80");
    expect(progress.getAttribute("max")).toBe("200");
    expect(screen.getByText(/80 of 200 rows/)).toBeTruthy();
    expect(within(screen.getByRole("dialog", { name: "CSV import" })).getByRole("status").textContent).toBe("Checking rows");

    server.current = buildImport("VALIDATED", { totalRows: 200, processedRows: 200, validRows: 200 });
    expect((await screen.findByRole("button", { name: "Import 200 prospects" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole("progressbar")).toBeNull();

    // Settled: no more polling. Fake timers run ten poll intervals at once, whatever the machine's load.
    const asked = link.counts.csvImport;
    jest.useFakeTimers();
    try {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(100);
      });
    } finally {
      jest.useRealTimers();
    }
    expect(link.counts.csvImport).toBe(asked);
  });

  it("should keep polling a running import through a failed poll, keeping its progress on screen", async () => {
    const server: { current: ReturnType<typeof buildImport> | { errors: unknown[] }; rows: object; permissions: string[] } = {
      current: buildImport("COMMITTING", { totalRows: 200, processedRows: 80 }),
      rows: {},
      permissions: [],
    };
    const link = importLink(server);
    renderPanel(link);
    await screen.findByRole("progressbar", { name: "Creating the prospects…" });

    server.current = { errors: [{ message: "Unexpected error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
    const before = link.counts.csvImport;
    await waitFor(() => expect(link.counts.csvImport).toBeGreaterThan(before + 1));
    expect(screen.getByRole("progressbar", { name: "Creating the prospects…" }).getAttribute("value")).toBe("80");

    server.current = buildImport("COMMITTED", { totalRows: 200, processedRows: 200, validRows: 200, createdRows: 200 });
    expect(await screen.findByText("200 prospects created.")).toBeTruthy();
  });

  it("should list the rows with errors and the duplicates, and open a duplicated account in the side panel", async () => {
    const server = {
      current: buildImport("VALIDATED", { totalRows: 8, validRows: 4, invalidRows: 1, duplicateRows: 3 }, { unmappedColumns: ["notas"] }),
      rows: {
        INVALID: { "": rowsPage([buildRow({ rowNumber: 4, state: "INVALID", errors: [{ column: "email", message: "must be a valid email address" }] })]) },
        DUPLICATE: {
          "": rowsPage([
            buildRow({
              rowNumber: 5,
              state: "DUPLICATE",
              errors: [{ column: "email", message: "an account with the same email already exists" }],
              duplicateOf: { row: null, accountExists: true, accountId: "Prospect:12" },
            }),
            buildRow({ rowNumber: 6, state: "DUPLICATE", duplicateOf: { row: 2, accountExists: false, accountId: null } }),
            buildRow({ rowNumber: 7, state: "DUPLICATE", duplicateOf: { row: null, accountExists: true, accountId: null } }),
          ]),
        },
      },
      permissions: [],
    };
    renderPanel(importLink(server));

    const errors = await screen.findByRole("table", { name: "Rows with errors" });
    expect(within(errors).getByRole("row", { name: /^4/ }).textContent).toContain("Email: Enter a valid email address.");
    expect(screen.getByText("notas")).toBeTruthy();
    const counts = screen.getByText("With errors").closest("div");
    expect(counts?.textContent).toBe("With errors1");

    // WAI-ARIA tabs: one tab stop, the arrow keys select and focus the next tab.
    const errorsTab = screen.getByRole("tab", { name: "Errors (1)" });
    expect([errorsTab.tabIndex, screen.getByRole("tab", { name: "Duplicates (3)" }).tabIndex]).toEqual([0, -1]);
    fireEvent.keyDown(errorsTab, { key: "ArrowRight" });
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Duplicates (3)", selected: true }));
    const duplicates = await screen.findByRole("table", { name: "Duplicate rows" });
    expect(within(duplicates).getByText("Same as row 2 of this file")).toBeTruthy();
    expect(within(duplicates).getByRole("row", { name: /^5/ }).textContent).toContain("Matches on: Email");
    expect(within(duplicates).getByText("Same as an account you cannot see")).toBeTruthy();
    fireEvent.click(within(duplicates).getByRole("link", { name: "Open the existing account" }));
    expect(locationSearch()).toBe(`?import=${importId}&account=Prospect:12`);
  });

  it("should fetch the next page of rows when the table is scrolled to its end", async () => {
    const first = Array.from({ length: 30 }, (_, i) => buildRow({ rowNumber: i + 2, state: "INVALID", errors: [{ column: "name", message: "is required" }] }));
    const server = {
      current: buildImport("VALIDATED", { totalRows: 31, validRows: 0, invalidRows: 31 }),
      rows: { INVALID: { "": rowsPage(first, { hasNextPage: true, totalCount: 31 }) } },
      permissions: [],
    };
    const link = importLink(server);
    renderPanel(link);

    await screen.findByRole("table", { name: "Rows with errors" });
    // The last rows are on screen (fake layout), so the next page is asked for after the last cursor.
    const request = link.pending.find((item) => item.name === "CsvImportRows");
    expect(request?.variables).toMatchObject({ states: ["INVALID"], after: "row-31" });
    link.answer("CsvImportRows", { data: rowsPage([buildRow({ rowNumber: 32, state: "INVALID", errors: [{ column: null, message: "is empty" }] })]) });
    expect((await screen.findByRole("row", { name: /^32/ })).textContent).toContain("Row: is empty");
    // 31 rows + the header: appended to the first page, not replacing it.
    expect(screen.getByRole("table", { name: "Rows with errors" }).getAttribute("aria-rowcount")).toBe("32");
  });

  it("should commit with the chosen options, show the commit's progress and end with a summary", async () => {
    const server = {
      current: buildImport("VALIDATED", { totalRows: 50, validRows: 45, invalidRows: 2, duplicateRows: 3 }),
      rows: {
        INVALID: { "": rowsPage([buildRow({ rowNumber: 3, state: "INVALID", errors: [{ column: "phone", message: "must have 10 digits for +52" }] })]) },
        CREATED: { "": rowsPage([buildRow({ rowNumber: 2, state: "CREATED", prospectId: "Prospect:99" })]) },
      },
      permissions: ["crm-edit-salesman-prospect"],
    };
    const link = importLink(server);
    const { client } = renderPanel(link);
    // A list read before the commit: it must not outlive it (the new prospects belong in it).
    client.writeQuery({ query: AccountsDocument, variables: { first: accountsPageSize }, data: accountsConnection([buildAccount(1, "Acme")]) });
    const cachedLists = () => Object.keys((client.cache.extract() as Record<string, object | undefined>).ROOT_QUERY ?? {}).filter((field) => field.startsWith("accounts"));
    expect(cachedLists()).toHaveLength(1);

    fireEvent.click(await screen.findByLabelText("Skip the 3 duplicate rows"));
    expect((screen.getByRole("button", { name: "Import 48 prospects" }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(await screen.findByLabelText("Executive of the new prospects"), { target: { value: "VXNlcjoy" } });
    fireEvent.change(screen.getByLabelText("Initial follow-up status"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Import 48 prospects" }));

    expect((screen.getByRole("button", { name: "Starting…" }) as HTMLButtonElement).disabled).toBe(true);
    const commit = link.pending.find((item) => item.name === "CommitImport");
    expect(commit?.variables).toEqual({ input: { id: importId, skipInvalid: true, skipDuplicates: false, salesmanId: "VXNlcjoy", followUpStatusId: 2 } });
    server.current = buildImport("COMMITTING", { totalRows: 50, processedRows: 20, validRows: 45, invalidRows: 2, duplicateRows: 3 });
    link.answer("CommitImport", { data: { commitImport: server.current } });

    const progress = await screen.findByRole("progressbar", { name: "Creating the prospects…" });
    expect(progress.getAttribute("value")).toBe("20");

    server.current = buildImport("COMMITTED", { totalRows: 50, processedRows: 50, validRows: 48, invalidRows: 2, duplicateRows: 0, createdRows: 48 });
    expect(await screen.findByText("48 prospects created.")).toBeTruthy();
    expect(cachedLists()).toEqual([]);
    expect(screen.getByText("2 rows skipped (errors or duplicates).")).toBeTruthy();
    expect(screen.getByRole("link", { name: "See the new accounts" }).getAttribute("href")).toBe("/?view=list&fromImport=Q3N2SW1wb3J0Ojc%3D");
    expect(screen.queryByRole("progressbar")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Created (48)" }));
    fireEvent.click(await screen.findByRole("link", { name: "Open" }));
    expect(locationSearch()).toBe(`?import=${importId}&account=Prospect:99`);
  });

  it("should still drop the cached account lists when a commit ends after the panel was closed", async () => {
    const server = { current: buildImport("COMMITTING", { totalRows: 50, processedRows: 20, validRows: 50 }), rows: {}, permissions: [] };
    const link = importLink(server);
    const { client } = renderPanel(link);
    client.writeQuery({ query: AccountsDocument, variables: { first: accountsPageSize }, data: accountsConnection([buildAccount(1, "Acme")]) });
    const cachedLists = () => Object.keys((client.cache.extract() as Record<string, object | undefined>).ROOT_QUERY ?? {}).filter((field) => field.startsWith("accounts"));
    await screen.findByRole("progressbar", { name: "Creating the prospects…" });

    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(locationSearch()).toBe("");
    const before = link.counts.csvImport;
    await waitFor(() => expect(link.counts.csvImport).toBeGreaterThan(before));
    expect(cachedLists()).toHaveLength(1);

    server.current = buildImport("COMMITTED", { totalRows: 50, processedRows: 50, validRows: 50, createdRows: 50 });
    await waitFor(() => expect(cachedLists()).toEqual([]));
  });

  it("should offer no executive choice without crm-edit-salesman-prospect, and refuse to import invalid rows", async () => {
    const server = { current: buildImport("VALIDATED", { totalRows: 3, validRows: 2, invalidRows: 1 }), rows: { INVALID: { "": rowsPage([]) } }, permissions: [] };
    renderPanel(importLink(server));

    fireEvent.click(await screen.findByLabelText("Skip the row with errors"));
    expect(screen.getByText(/Rows with errors cannot be imported/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Import 3 prospects" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByLabelText("Executive of the new prospects")).toBeNull();
  });

  it("should say why an import failed", async () => {
    const server = { current: buildImport("FAILED", { totalRows: 10, processedRows: 4 }, { error: "The server restarted during the validation: upload the file again" }), rows: {}, permissions: [] };
    renderPanel(importLink(server), "es-MX");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("La importación falló.");
    expect(alert.textContent).toContain("upload the file again");
    expect(screen.queryByRole("button", { name: /Importar/ })).toBeNull();
  });

  it("should say so when the import is not the viewer's", async () => {
    const server = { current: { errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] }, rows: {}, permissions: [] };
    renderPanel(importLink(server));
    expect((await screen.findByRole("alert")).textContent).toContain("This import does not exist or is not yours.");
  });
});
