import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";

import type { MockLink } from "@apollo/client/testing";

import { ImportFilterNameDocument } from "../../__generated__/graphql";
import { heldLink, type HeldLink } from "../../test/heldLink";
import { renderWithProviders } from "../../test/renderWithProviders";
import { emptyCrmFilters } from "./crmUrlState";
import { FilterBar } from "./FilterBar";

function SearchHarness({ onSearch }: { onSearch: (search: string) => void }) {
  const [search, setSearch] = useState("");
  return (
    <FilterBar
      search={search}
      filters={emptyCrmFilters}
      catalogs={null}
      canSeeAll={false}
      salesmen={[]}
      onSearchChange={(next) => {
        onSearch(next);
        setSearch(next);
      }}
      onFiltersChange={() => undefined}
    />
  );
}

describe("FilterBar", () => {
  it("should search for the trimmed text and keep the space the user is typing", async () => {
    const onSearch = jest.fn();
    renderWithProviders(<SearchHarness onSearch={onSearch} />);
    const box = screen.getByRole("searchbox", { name: "Search" }) as HTMLInputElement;

    fireEvent.change(box, { target: { value: "Grupo " } });
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith("Grupo"));
    // Let the new search render and its effects run before looking at the box.
    await act(async () => undefined);
    expect(box.value).toBe("Grupo ");

    fireEvent.change(box, { target: { value: "Grupo Azteca" } });
    await waitFor(() => expect(onSearch).toHaveBeenLastCalledWith("Grupo Azteca"));
    expect(box.value).toBe("Grupo Azteca");
  });

  describe("From import chip", () => {
    const importId = "Q3N2SW1wb3J0Ojc"; // CsvImport:7
    const nameQuery = (answer: MockLink.MockedResponse["result"]) => ({
      request: { query: ImportFilterNameDocument, variables: { id: importId } },
      result: answer,
    });

    function renderBar(transport: { mocks?: MockLink.MockedResponse[]; link?: HeldLink["link"] }, locale: "en" | "es-MX" = "en") {
      const onFiltersChange = jest.fn();
      renderWithProviders(
        <FilterBar
          search=""
          filters={{ ...emptyCrmFilters, types: ["CLIENT"], importId }}
          catalogs={null}
          canSeeAll={false}
          salesmen={[]}
          onSearchChange={() => undefined}
          onFiltersChange={onFiltersChange}
        />,
        { ...transport, locale },
      );
      return onFiltersChange;
    }

    it("should name the import's file and remove only that filter", async () => {
      const onFiltersChange = renderBar({ mocks: [nameQuery({ data: { csvImport: { __typename: "CsvImport", id: importId, filename: "leads-marzo.csv" } } })] });
      expect(await screen.findByText("From import: leads-marzo.csv")).toBeTruthy();
      expect(screen.getByRole("button", { name: "Clear filters (2)" })).toBeTruthy();
      fireEvent.click(screen.getByRole("button", { name: "Remove filter From import: leads-marzo.csv" }));
      expect(onFiltersChange).toHaveBeenCalledWith({ ...emptyCrmFilters, types: ["CLIENT"], importId: null });
    });

    it("should show the import's number when its file name cannot be read, in Spanish too", async () => {
      const held = heldLink(() => undefined);
      renderBar({ link: held.link }, "es-MX");
      expect(screen.getByText("De la importación: #7")).toBeTruthy();
      // Still the number once the server has refused the name (answered by hand: no waiting on time).
      await act(async () => held.answer("ImportFilterName", { errors: [{ message: "CsvImport not found", extensions: { code: "NOT_FOUND" } }] }));
      expect(held.pending).toEqual([]);
      expect(screen.getByText("De la importación: #7")).toBeTruthy();
      expect(screen.getByRole("button", { name: "Quitar el filtro De la importación: #7" })).toBeTruthy();
    });

    it("should not show the chip without the filter", () => {
      renderWithProviders(
        <FilterBar search="" filters={emptyCrmFilters} catalogs={null} canSeeAll={false} salesmen={[]} onSearchChange={() => undefined} onFiltersChange={() => undefined} />,
      );
      expect(screen.queryByText(/From import/)).toBeNull();
      expect(screen.queryByRole("button", { name: /Clear filters/ })).toBeNull();
    });
  });
});
