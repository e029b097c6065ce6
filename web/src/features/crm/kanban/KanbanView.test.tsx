import type { ApolloLink } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";

import { BoardDocument } from "../../../__generated__/graphql";
import { buildViewer } from "../../../test/fixtures";
import { heldLink } from "../../../test/heldLink";
import { fakeLayout } from "../../../test/layout";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildBoard, buildCard, buildColumn, statuses, type Card } from "./kanbanFixtures";
import { KanbanView } from "./KanbanView";
import { boardFirstCards } from "./useBoard";
import { useBoardMove } from "./useMoveCard";

/**
 * Answers Me and Board at once (counting the boards asked for) and holds every other operation
 * (moves, further column pages, exports) until the test answers it.
 */
function boardLink(boards: ReadonlyArray<ReturnType<typeof buildBoard>>) {
  const counts = { board: 0 };
  const held = heldLink((operation) => {
    if (operation.operationName === "Me") {
      return { data: { me: buildViewer() } };
    }
    if (operation.operationName === "Board") {
      const board = boards[Math.min(counts.board, boards.length - 1)];
      counts.board += 1;
      return { data: board };
    }
    return undefined;
  });
  return Object.assign(held, { counts });
}

const refusal = (code: string) => ({ errors: [{ message: code, extensions: { code } }] });

/**
 * Drops a card on a column as the board's onDragEnd does (jsdom has no layout for a real drag). It
 * reads the cached board without watching it, so the board is asked for by the view alone.
 */
function MoveButton({ cardId, toStatusId }: { cardId: string; toStatusId: number }) {
  const client = useApolloClient();
  const { moveCard } = useBoardMove();
  const drop = () => {
    const columns = client.readQuery({ query: BoardDocument, variables: { first: boardFirstCards } })?.board.columns ?? [];
    const card = columns.flatMap((column) => column.cards.edges.map((edge) => edge.node)).find((node) => node.id === cardId);
    const target = columns.find((column) => column.status.id === toStatusId)?.status;
    if (!card || !target) {
      throw new Error(`card ${cardId} or status ${toStatusId} is not on the cached board`);
    }
    void moveCard(card, target);
  };
  return (
    <button type="button" onClick={drop}>
      drop
    </button>
  );
}

function column(status: string) {
  return screen.getByRole("region", { name: new RegExp(`^${status}:`) });
}

function countOf(status: string) {
  return Number(within(column(status)).getByTestId("kanban-column-count").textContent);
}

const textiles = buildCard(1, "Textiles Yucateca", 1000, statuses.nuevo);
const papeleria = buildCard(2, "Papelería Jaguar", 500.5, statuses.nuevo);
const calzado = {
  ...buildCard(3, "Calzado Nogal", 250, statuses.sinContactar),
  respondioSync: { __typename: "RespondioSync" as const, status: "FAILED" as const, lastError: "Respond.io answered 401" },
};
const won = buildCard(4, "Abarrotes Ganados", 10000, statuses.ganado);

const smallBoard = buildBoard([
  buildColumn(statuses.nuevo, [textiles, papeleria]),
  buildColumn(statuses.sinContactar, [calzado]),
  buildColumn(statuses.ganado, [won]),
]);

function moved(card: Card, to: typeof statuses.sinContactar) {
  return {
    data: {
      moveAccount: { ...card, version: card.version + 1, followUpStatus: { __typename: "FollowUpStatus", id: to.id, name: to.name, color: to.color } },
    },
  };
}

function renderBoard(link: ApolloLink, withMove?: { cardId: string; toStatusId: number }) {
  const onOpenAccount = jest.fn();
  const result = renderWithProviders(
    <>
      <KanbanView filter={undefined} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={onOpenAccount} />
      {withMove ? <MoveButton {...withMove} /> : null}
    </>,
    { link },
  );
  return { ...result, onOpenAccount };
}

describe("KanbanView", () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = fakeLayout(1200, 800);
    window.localStorage.clear();
  });
  afterEach(() => {
    restoreLayout();
    jest.restoreAllMocks();
  });

  it("should show the columns under their groups with counts and MXN sums, and open a card on click", async () => {
    const { link } = boardLink([smallBoard]);
    const { onOpenAccount } = renderBoard(link);

    expect(await screen.findByRole("region", { name: "Nuevo lead: 2 accounts, MX$1,500.50" })).toBeTruthy();
    expect(column("Sin contactar").getAttribute("aria-label")).toBe("Sin contactar: 1 account, MX$250.00");
    expect(screen.getByRole("button", { name: /^Nuevo/, expanded: true }).textContent).toContain("3 accounts · MX$1,750.50");
    expect(screen.getByRole("button", { name: /^Cerrado/, expanded: true }).textContent).toContain("1 account · MX$10,000.00");

    // The lead sync's state is a badge on the card, its reason on hover; no sync, no badge.
    const badge = within(column("Sin contactar")).getByText("Sync failed");
    expect(badge.getAttribute("title")).toBe("Respond.io answered 401");
    expect(within(column("Nuevo lead")).queryByText(/Sync|Synced/)).toBeNull();

    fireEvent.click(within(column("Nuevo lead")).getByRole("button", { name: /Papelería Jaguar/ }));
    expect(onOpenAccount).toHaveBeenCalledWith("Prospect:2");
    // Enter opens too (space belongs to the drag: lift and drop).
    fireEvent.keyDown(within(column("Sin contactar")).getByRole("button", { name: /Calzado Nogal/ }), { key: "Enter" });
    expect(onOpenAccount).toHaveBeenLastCalledWith("Prospect:3");
  });

  it("should move the card and both columns' counts and sums at once, and keep them when the server agrees", async () => {
    const held = boardLink([smallBoard]);
    renderBoard(held.link, { cardId: textiles.id, toStatusId: statuses.sinContactar.id });
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    fireEvent.click(screen.getByRole("button", { name: "drop" }));

    // Optimistic: the server has not answered yet.
    await waitFor(() => expect(countOf("Sin contactar")).toBe(2));
    expect(held.pending.map((item) => item.name)).toEqual(["KanbanMoveAccount"]);
    expect(held.pending[0]?.variables).toEqual({ input: { accountId: textiles.id, followUpStatusId: statuses.sinContactar.id, version: 3 } });
    expect(countOf("Nuevo lead")).toBe(1);
    expect(column("Nuevo lead").getAttribute("aria-label")).toBe("Nuevo lead: 1 account, MX$500.50");
    expect(column("Sin contactar").getAttribute("aria-label")).toBe("Sin contactar: 2 accounts, MX$1,250.00");
    expect(within(column("Sin contactar")).getByRole("button", { name: /Textiles Yucateca/ })).toBeTruthy();
    expect(within(column("Nuevo lead")).queryByRole("button", { name: /Textiles Yucateca/ })).toBeNull();
    // The group's totals are its columns' sums: a move inside the group leaves them as they were.
    expect(screen.getByRole("button", { name: /^Nuevo/ }).textContent).toContain("3 accounts · MX$1,750.50");

    held.answer("KanbanMoveAccount", moved(textiles, statuses.sinContactar));
    await waitFor(() => expect(held.pending).toHaveLength(0));
    expect(column("Sin contactar").getAttribute("aria-label")).toBe("Sin contactar: 2 accounts, MX$1,250.00");
    expect(column("Nuevo lead").getAttribute("aria-label")).toBe("Nuevo lead: 1 account, MX$500.50");
    expect(within(column("Sin contactar")).getByRole("button", { name: /Textiles Yucateca/ })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("should put the card, counts and sums back and say why when the server refuses the move", async () => {
    const held = boardLink([smallBoard]);
    renderBoard(held.link, { cardId: textiles.id, toStatusId: statuses.sinContactar.id });
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    fireEvent.click(screen.getByRole("button", { name: "drop" }));
    await waitFor(() => expect(countOf("Sin contactar")).toBe(2));

    held.answer("KanbanMoveAccount", refusal("FORBIDDEN"));
    expect(await screen.findByText("Textiles Yucateca was not moved: You do not have permission to do this.")).toBeTruthy();
    expect(column("Nuevo lead").getAttribute("aria-label")).toBe("Nuevo lead: 2 accounts, MX$1,500.50");
    expect(column("Sin contactar").getAttribute("aria-label")).toBe("Sin contactar: 1 account, MX$250.00");
    expect(within(column("Nuevo lead")).getByRole("button", { name: /Textiles Yucateca/ })).toBeTruthy();
    expect(within(column("Sin contactar")).queryByRole("button", { name: /Textiles Yucateca/ })).toBeNull();
    // A permission refusal does not make the board stale: no second board request.
    expect(held.counts.board).toBe(1);
  });

  it("should roll back and reload the board when the card changed meanwhile (CONFLICT)", async () => {
    const fresher = buildBoard([
      buildColumn(statuses.nuevo, [papeleria]),
      buildColumn(statuses.sinContactar, [calzado]),
      buildColumn(statuses.ganado, [won]),
    ]);
    const held = boardLink([smallBoard, fresher]);
    renderBoard(held.link, { cardId: textiles.id, toStatusId: statuses.sinContactar.id });
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    fireEvent.click(screen.getByRole("button", { name: "drop" }));
    await waitFor(() => expect(countOf("Sin contactar")).toBe(2));
    held.answer("KanbanMoveAccount", refusal("CONFLICT"));

    expect(await screen.findByText(/Textiles Yucateca was not moved: it changed since the board loaded/)).toBeTruthy();
    await waitFor(() => expect(held.counts.board).toBe(2));
    await waitFor(() => expect(column("Nuevo lead").getAttribute("aria-label")).toBe("Nuevo lead: 1 account, MX$500.50"));
    expect(countOf("Sin contactar")).toBe(1);
  });

  it("should fetch a column's next cards when it is scrolled near its end, and keep few cards in the DOM", async () => {
    const many = Array.from({ length: 30 }, (_, index) => buildCard(100 + index, `Empresa ${index + 1}`, 100, statuses.nuevo));
    const board = buildBoard([
      buildColumn(statuses.nuevo, many, { totalCount: 40, accountValueSum: 4000, hasNextPage: true }),
      buildColumn(statuses.sinContactar, [calzado]),
      buildColumn(statuses.ganado, [won]),
    ]);
    const held = boardLink([board]);
    const { container } = renderBoard(held.link);
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    // 800px of column shows about 8 cards: far from the end, nothing more is asked for.
    expect(held.pending).toHaveLength(0);
    const rendered = container.querySelectorAll("[data-account-id]").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(30);

    const scroller = column("Nuevo lead").querySelector<HTMLElement>(".kanban-column__cards");
    if (!scroller) {
      throw new Error("the column has no scroll container");
    }
    act(() => {
      scroller.scrollTop = 2200;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(held.pending.map((item) => item.name)).toEqual(["BoardColumn"]));
    expect(held.pending[0]?.variables).toEqual({ statusId: 1, first: 50, after: "c-Prospect:129" });
    expect(screen.getByRole("status").textContent).toBe("Loading more…");

    const next = Array.from({ length: 10 }, (_, index) => buildCard(200 + index, `Empresa ${index + 31}`, 100, statuses.nuevo));
    held.answer("BoardColumn", { data: { boardColumn: buildColumn(statuses.nuevo, next, { totalCount: 40, accountValueSum: 4000 }) } });
    // The page is in the cached board once "Loading more…" is gone.
    await waitFor(() => expect(screen.queryByRole("status")).toBeNull());
    act(() => {
      scroller.scrollTop = 3400;
      fireEvent.scroll(scroller);
    });
    expect(await within(column("Nuevo lead")).findByText("Empresa 40")).toBeTruthy();
    expect(container.querySelectorAll("[data-account-id]").length).toBeLessThan(30);
    // The column has no more pages: scrolling to its end asks for nothing else.
    expect(held.pending).toHaveLength(0);
  });

  it("should export the board's filter as CSV, with the server's default columns", async () => {
    const held = boardLink([smallBoard]);
    const filter = { search: "Textiles", types: null };
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderWithProviders(
      <KanbanView filter={filter} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={() => undefined} />,
      { link: held.link },
    );
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    fireEvent.click(screen.getByRole("button", { name: "Export all (CSV)" }));
    await waitFor(() => expect(held.pending.map((item) => item.name)).toEqual(["ExportAccounts"]));
    expect(held.pending[0]?.variables).toEqual({ input: { filter, columns: null } });
    held.answer("ExportAccounts", {
      data: {
        exportAccounts: { __typename: "AccountExport", url: "/api/exports/accounts?link=x", fileName: "accounts.csv", expiresAt: "2026-11-27T03:00:00.000Z", columns: ["name"] },
      },
    });
    expect(await screen.findByText("Your CSV download has started.")).toBeTruthy();
  });

  it("should word one account in the singular and several in the plural, in es-MX too", async () => {
    renderWithProviders(
      <KanbanView filter={undefined} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={() => undefined} />,
      { link: boardLink([smallBoard]).link, locale: "es-MX" },
    );

    expect(await screen.findByRole("region", { name: "Nuevo lead: 2 cuentas, $1,500.50" })).toBeTruthy();
    const single = screen.getByRole("region", { name: /^Sin contactar:/ });
    expect(single.getAttribute("aria-label")).toBe("Sin contactar: 1 cuenta, $250.00");
    expect(within(single).getByText("1 cuenta")).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Cerrado/ }).textContent).toContain("1 cuenta · $10,000.00");
  });

  it("should collapse a status group, hiding its columns, and remember it for the next visit", async () => {
    const first = renderBoard(boardLink([smallBoard]).link);
    await screen.findByRole("region", { name: /^Nuevo lead:/ });

    fireEvent.click(screen.getByRole("button", { name: /^Nuevo/ }));
    expect(screen.getByRole("button", { name: /^Nuevo/ }).getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("region", { name: /^Nuevo lead:/ })).toBeNull();
    expect(screen.queryByRole("region", { name: /^Sin contactar:/ })).toBeNull();
    expect(screen.getByRole("region", { name: /^Ganado:/ })).toBeTruthy();
    first.unmount();

    renderBoard(boardLink([smallBoard]).link);
    await screen.findByRole("region", { name: /^Ganado:/ });
    expect(screen.queryByRole("region", { name: /^Nuevo lead:/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /^Nuevo/ }));
    expect(await screen.findByRole("region", { name: /^Nuevo lead:/ })).toBeTruthy();
  });
});
