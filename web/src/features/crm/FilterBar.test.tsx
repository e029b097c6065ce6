import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";

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
});
