import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";

import { AccountPanelDocument, BoardDocument, SalesmenDocument } from "../../__generated__/graphql";
import {
  accountsConnection,
  accountsMock,
  buildAccount,
  buildViewer,
  catalogsMock,
  defaultTablePreferencesMock,
  meMock,
} from "../../test/fixtures";
import { fakeLayout } from "../../test/layout";
import { renderWithProviders } from "../../test/renderWithProviders";
import { buildPanelAccount } from "../account-panel/panelFixtures";
import type { PanelAccount } from "../account-panel/useAccountPanel";
import { CrmPage } from "./CrmPage";
import { buildBoard, buildCard, buildColumn, statuses } from "./kanban/kanbanFixtures";
import { boardFirstCards } from "./kanban/useBoard";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{decodeURIComponent(location.search)}</output>;
}

function locationSearch(): string {
  // By test id: the location probe is not part of the page's accessible content.
  return screen.getByTestId("location").textContent ?? "";
}

const acme = buildAccount(1, "Acme");
const bodega = buildAccount(2, "Bodega", "Client");

function renderCrm(options: { permissions?: string[]; route?: string; mocks?: MockLink.MockedResponse[] }) {
  return renderWithProviders(
    <>
      <CrmPage />
      <LocationProbe />
    </>,
    {
      route: options.route ?? "/",
      mocks: [meMock(buildViewer(options.permissions)), catalogsMock, defaultTablePreferencesMock, ...(options.mocks ?? [])],
    },
  );
}

const managerOnlyFilters = ["Executive", "Sales role"];

describe("CrmPage", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout();
    window.localStorage.clear();
  });
  afterEach(() => restoreLayout());

  it("should hide the executive, sales-role and date filters when the viewer lacks all-prospects", async () => {
    renderCrm({ mocks: [accountsMock({}, accountsConnection([acme]))] });
    expect(await screen.findByRole("button", { name: "Acme" })).toBeTruthy();

    for (const name of ["Status", "Type", "Record", "Ecommerce", "Size", "Channel", "Country"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    for (const name of managerOnlyFilters) {
      expect(screen.queryByRole("button", { name })).toBeNull();
    }
    expect(screen.queryByLabelText("Created from")).toBeNull();
    expect(screen.queryByLabelText("Created to")).toBeNull();
  });

  it("should show the manager filters when the viewer has all-prospects", async () => {
    renderCrm({
      permissions: ["all-prospects"],
      mocks: [
        accountsMock({}, accountsConnection([acme])),
        accountsMock({ filter: { salesmanIds: ["VXNlcjoy"] } }, accountsConnection([bodega])),
        {
          request: { query: SalesmenDocument },
          result: { data: { salesmen: [{ __typename: "User", id: "VXNlcjoy", name: "Beto Ruiz" }] } },
        },
      ],
    });
    expect(await screen.findByRole("button", { name: "Acme" })).toBeTruthy();

    for (const name of managerOnlyFilters) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    expect(screen.getByLabelText("Created from")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Executive" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: "Beto Ruiz" }));
    expect(locationSearch()).toBe("?salesman=VXNlcjoy");
    expect(await screen.findByRole("button", { name: "Bodega" })).toBeTruthy();
  });

  it("should open the account in the URL when its name is clicked", async () => {
    const bodegaInPanel = buildPanelAccount({ __typename: "Client", id: bodega.id, type: "CLIENT", name: "Bodega" } as Partial<PanelAccount>);
    renderCrm({
      route: "/?q=ac",
      mocks: [
        accountsMock({ filter: { search: "ac" } }, accountsConnection([acme, bodega])),
        { request: { query: AccountPanelDocument, variables: { id: bodega.id } }, result: { data: { account: bodegaInPanel } } },
      ],
    });

    fireEvent.click(await screen.findByRole("button", { name: "Bodega" }));

    expect(locationSearch()).toBe("?q=ac&account=Client:2");
    expect(await screen.findByRole("dialog", { name: "Bodega" })).toBeTruthy();
  });

  it("should query with the picked filter and write it to the URL when a type is checked", async () => {
    renderCrm({
      mocks: [
        accountsMock({}, accountsConnection([acme, bodega])),
        accountsMock({ filter: { types: ["CLIENT"] } }, accountsConnection([bodega])),
      ],
    });
    expect(await screen.findByRole("button", { name: "Acme" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Type" }));
    fireEvent.click(within(screen.getByRole("group", { name: "Type" })).getByRole("checkbox", { name: "Client" }));

    expect(locationSearch()).toBe("?type=CLIENT");
    await screen.findByText("Showing 1 of 1");
    expect(screen.queryByRole("button", { name: "Acme" })).toBeNull();
    expect(screen.getByRole("button", { name: "Type (1)" })).toBeTruthy();
  });

  it("should restore search, filters and sort from a shared link", async () => {
    renderCrm({
      route: "/?q=bod&type=CLIENT&status=2&sort=-name",
      mocks: [
        accountsMock(
          { filter: { search: "bod", types: ["CLIENT"], statusIds: [2] }, orderBy: { field: "NAME", direction: "DESC" } },
          accountsConnection([bodega]),
        ),
      ],
    });

    expect(await screen.findByRole("button", { name: "Bodega" })).toBeTruthy();
    expect((screen.getByRole("searchbox", { name: "Search" }) as HTMLInputElement).value).toBe("bod");
    expect(screen.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe("descending");
  });

  it("should drop manager-only filters from a shared link when the viewer lacks all-prospects", async () => {
    renderCrm({
      route: "/?type=CLIENT&salesman=VXNlcjoy&role=KAE&from=2025-01-01",
      mocks: [accountsMock({ filter: { types: ["CLIENT"] } }, accountsConnection([bodega]))],
    });

    expect(await screen.findByRole("button", { name: "Bodega" })).toBeTruthy();
  });

  it("should sort on the server and keep the order in the URL when a sortable header is clicked", async () => {
    renderCrm({
      mocks: [
        accountsMock({}, accountsConnection([bodega, acme])),
        accountsMock({ orderBy: { field: "NAME", direction: "ASC" } }, accountsConnection([acme, bodega])),
      ],
    });
    expect(await screen.findByRole("button", { name: "Acme" })).toBeTruthy();

    fireEvent.click(within(screen.getByRole("columnheader", { name: /Name/ })).getByRole("button"));

    expect(locationSearch()).toBe("?sort=name");
    expect(screen.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe("ascending");
    const names = () => screen.getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("button")[0]?.textContent);
    await waitFor(() => expect(names()).toEqual(["Acme", "Bodega"]));
    // Not sortable on the server: plain text, no button.
    expect(within(screen.getByRole("columnheader", { name: /^Executive/ })).queryByRole("button")).toBeNull();
  });

  it("should put the search in the URL and query with it when the user types", async () => {
    renderCrm({
      mocks: [
        accountsMock({}, accountsConnection([acme])),
        accountsMock({ filter: { search: "bod" } }, accountsConnection([bodega])),
      ],
    });
    expect(await screen.findByRole("button", { name: "Acme" })).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: " bod" } });

    expect(await screen.findByRole("button", { name: "Bodega" })).toBeTruthy();
    expect(locationSearch()).toBe("?q=bod");
  });

  it("should switch to the Kanban with the page's search and open a card's account from it", async () => {
    const card = buildCard(7, "Textiles Yucateca", 1000, statuses.nuevo);
    const board = buildBoard([buildColumn(statuses.nuevo, [card]), buildColumn(statuses.sinContactar, [])]);
    renderCrm({
      route: "/?q=tex",
      mocks: [
        accountsMock({ filter: { search: "tex" } }, accountsConnection([acme])),
        { request: { query: BoardDocument, variables: { filter: { search: "tex" }, first: boardFirstCards } }, result: { data: board } },
      ],
    });
    await screen.findByRole("button", { name: "Acme" });

    fireEvent.click(screen.getByRole("button", { name: "Kanban" }));
    // The board is a lazy chunk: the router's transition shows the new URL once it has rendered.
    const column = await screen.findByRole("region", { name: "Nuevo lead: 1 account, MX$1,000.00" });
    expect(locationSearch()).toBe("?q=tex&view=kanban");
    expect(screen.queryByRole("table", { name: "Accounts" })).toBeNull();

    fireEvent.click(within(column).getByRole("button", { name: /Textiles Yucateca/ }));
    expect(locationSearch()).toBe("?q=tex&view=kanban&account=Prospect:7");
  });
});
