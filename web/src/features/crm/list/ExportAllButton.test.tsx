import { fireEvent, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";

import { ExportAccountsDocument, type AccountOrder } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { ExportAllButton } from "./ExportAllButton";

const filter = { search: "Ana", types: null };
const orderBy: AccountOrder = { field: "COMPANY_NAME", direction: "ASC" };
const input = { filter, orderBy, columns: ["name", "email"] };

describe("ExportAllButton", () => {
  let clicked: HTMLAnchorElement[];
  beforeEach(() => {
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("should ask the server for the list's filter, order and columns and download the signed link", async () => {
    renderWithProviders(<ExportAllButton filter={filter} orderBy={orderBy} columns={["name", "email"]} />, {
      mocks: [
        {
          request: { query: ExportAccountsDocument, variables: { input } },
          result: {
            data: {
              exportAccounts: {
                __typename: "AccountExport",
                url: "/api/exports/accounts?link=abc.def",
                fileName: "accounts-2026-11-27.csv",
                expiresAt: "2026-11-27T01:05:00.000Z",
                columns: ["name", "email"],
              },
            },
          },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Export all (CSV)" }));
    expect(await screen.findByText("Your CSV download has started.")).toBeTruthy();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.getAttribute("href")).toBe("/api/exports/accounts?link=abc.def");
    expect(clicked[0]!.download).toBe("accounts-2026-11-27.csv");
  });

  it("should say why when the server refuses the export, and download nothing", async () => {
    renderWithProviders(<ExportAllButton filter={filter} orderBy={orderBy} columns={["name", "email"]} />, {
      mocks: [
        {
          request: { query: ExportAccountsDocument, variables: { input } },
          result: { errors: [new GraphQLError("The salesmanIds filter needs the all-prospects permission", { extensions: { code: "FORBIDDEN" } })] },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Export all (CSV)" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(clicked).toHaveLength(0);
  });
});
