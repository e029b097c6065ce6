import { fireEvent, screen, waitFor } from "@testing-library/react";

import { buildViewer } from "../../../test/fixtures";
import { heldLink } from "../../../test/heldLink";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildBoard, buildCard, buildColumn, statuses } from "./kanbanFixtures";
import { useBoard } from "./useBoard";

const firstPage = Array.from({ length: 30 }, (_, index) => buildCard(100 + index, `Empresa ${index + 1}`, 100, statuses.nuevo));
const board = buildBoard([buildColumn(statuses.nuevo, firstPage, { totalCount: 40, accountValueSum: 4000, hasNextPage: true })]);
const secondPage = buildColumn(
  statuses.nuevo,
  Array.from({ length: 10 }, (_, index) => buildCard(200 + index, `Empresa ${index + 31}`, 100, statuses.nuevo)),
  { totalCount: 40, accountValueSum: 4000 },
);

function Probe() {
  const { columns, loadMore, refetch } = useBoard(undefined);
  return (
    <>
      <output data-testid="cards">{columns[0]?.cards.edges.length ?? 0}</output>
      <button type="button" onClick={() => loadMore(statuses.nuevo.id)}>
        more
      </button>
      <button type="button" onClick={refetch}>
        reload
      </button>
    </>
  );
}

function renderProbe() {
  const counts = { board: 0 };
  const held = heldLink((operation) => {
    if (operation.operationName === "Me") {
      return { data: { me: buildViewer() } };
    }
    if (operation.operationName === "Board") {
      counts.board += 1;
      return { data: board };
    }
    return undefined;
  });
  renderWithProviders(<Probe />, { link: held.link });
  return Object.assign(held, { counts });
}

const cards = () => screen.getByTestId("cards").textContent;

describe("useBoard", () => {
  it("should fetch a column's next page again after the board was read again (the first page's cursor comes back)", async () => {
    const held = renderProbe();
    await waitFor(() => expect(cards()).toBe("30"));

    fireEvent.click(screen.getByRole("button", { name: "more" }));
    await waitFor(() => expect(held.pending.map((item) => item.variables.after)).toEqual(["c-Prospect:129"]));
    held.answer("BoardColumn", { data: { boardColumn: secondPage } });
    await waitFor(() => expect(cards()).toBe("40"));

    // A write in the side panel reads the board again: the column is back to its first page.
    fireEvent.click(screen.getByRole("button", { name: "reload" }));
    await waitFor(() => expect(cards()).toBe("30"));
    expect(held.counts.board).toBe(2);

    fireEvent.click(screen.getByRole("button", { name: "more" }));
    await waitFor(() => expect(held.pending.map((item) => item.variables.after)).toEqual(["c-Prospect:129"]));
    held.answer("BoardColumn", { data: { boardColumn: secondPage } });
    await waitFor(() => expect(cards()).toBe("40"));
  });

  it("should ask once for a page while it is on its way", async () => {
    const held = renderProbe();
    await waitFor(() => expect(cards()).toBe("30"));

    fireEvent.click(screen.getByRole("button", { name: "more" }));
    fireEvent.click(screen.getByRole("button", { name: "more" }));
    await waitFor(() => expect(held.requests).toHaveLength(1));
    held.answer("BoardColumn", { data: { boardColumn: secondPage } });
    await waitFor(() => expect(cards()).toBe("40"));
    expect(held.requests).toHaveLength(1);
  });
});
