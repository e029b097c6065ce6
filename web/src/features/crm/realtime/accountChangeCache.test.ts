import {
  AccountNotesDocument,
  AccountPanelDocument,
  AccountsDocument,
  BoardDocument,
  type AccountFilter,
} from "../../../__generated__/graphql";
import { createApolloCache } from "../../../lib/apollo";
import { accountsPageSize } from "../../accounts/useAccounts";
import { notesPageSize } from "../../account-panel/notes/useAccountNotes";
import { changeCardValueInBoards } from "../kanban/boardCache";
import { buildBoard, buildColumn, statuses } from "../kanban/kanbanFixtures";
import { boardFirstCards } from "../kanban/useBoard";
import { applyAccountChange, applyCreatedAccounts, placeCreatedAtMost } from "./accountChangeCache";
import { buildChange, buildChangedAccount, buildNote, withStatus } from "./realtimeFixtures";

const searchFilter: AccountFilter = { search: "Tex" };
const textiles = buildChangedAccount(1, "Textiles Yucateca", 1000.1, statuses.nuevo);
const telas = buildChangedAccount(2, "Telas del Sur", 200.2, statuses.nuevo);
const calzado = buildChangedAccount(3, "Calzado Nogal", 250, statuses.sinContactar);

/** A cache as the CRM page leaves it: the unfiltered board, a searched board, the list and textiles' open panel. */
function seeded() {
  const cache = createApolloCache();
  const writeBoard = (filter: AccountFilter | undefined, data: ReturnType<typeof buildBoard>) =>
    cache.writeQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards }, data });
  writeBoard(undefined, buildBoard([buildColumn(statuses.nuevo, [textiles, telas]), buildColumn(statuses.sinContactar, [calzado])]));
  writeBoard(searchFilter, buildBoard([buildColumn(statuses.nuevo, [textiles])]));
  cache.writeQuery({
    query: AccountsDocument,
    variables: { first: accountsPageSize },
    data: {
      accounts: {
        __typename: "AccountConnection",
        totalCount: 3,
        edges: [textiles, telas, calzado].map((node) => ({ __typename: "AccountEdge", cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: `c-${calzado.id}` },
      },
    } as never,
  });
  cache.writeQuery({ query: AccountPanelDocument, variables: { id: textiles.id }, data: { account: textiles } as never });
  cache.writeQuery({
    query: AccountNotesDocument,
    variables: { id: textiles.id, first: notesPageSize },
    data: {
      account: {
        __typename: "Prospect",
        id: textiles.id,
        notes: {
          __typename: "NoteConnection",
          totalCount: 1,
          edges: [{ __typename: "NoteEdge", cursor: "n1", node: buildNote("Note:1", "Primera llamada") }],
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "n1" },
        },
      },
    } as never,
  });
  const board = (filter?: AccountFilter) => cache.readQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards } })?.board;
  const columns = (filter?: AccountFilter) =>
    board(filter)?.columns.map((column) => ({
      status: column.status.id,
      count: column.totalCount,
      sum: column.accountValueSum,
      cards: column.cards.edges.map((edge) => edge.node.companyName),
    }));
  const list = () => cache.readQuery({ query: AccountsDocument, variables: { first: accountsPageSize } })?.accounts;
  const notes = () =>
    cache.readQuery({ query: AccountNotesDocument, variables: { id: textiles.id, first: notesPageSize } })?.account.notes.edges.map((edge) => edge.node.comment);
  return { cache, board, columns, list, notes };
}

describe("applyAccountChange", () => {
  it("should move a card a colleague moved to the top of its new column, with counts and sums, in every board that holds it", () => {
    const { cache, columns, board, list } = seeded();
    const applied = applyAccountChange(cache, buildChange("MOVED", withStatus(textiles, statuses.sinContactar), { fromStatus: { id: statuses.nuevo.id } }));

    expect(applied.cardChanged).toBe(true);
    expect(columns()).toEqual([
      { status: 1, count: 1, sum: 200.2, cards: ["Telas del Sur"] },
      { status: 2, count: 2, sum: 1250.1, cards: ["Textiles Yucateca", "Calzado Nogal"] },
    ]);
    expect([board()?.totalCount, board()?.accountValueSum]).toEqual([3, 1450.3]);
    // The searched board has no column for the new status: the card leaves it.
    expect(columns(searchFilter)).toEqual([{ status: 1, count: 0, sum: 0, cards: [] }]);
    // The row and the card share the normalized account: its status and version are the new ones.
    expect(list()?.edges[0]?.node).toMatchObject({ followUpStatus: { id: 2 }, version: 4 });
  });

  it("should change nothing on the boards for the echo of the viewer's own move (the cache already has the new status)", () => {
    const { cache, columns } = seeded();
    applyAccountChange(cache, buildChange("MOVED", withStatus(textiles, statuses.sinContactar)));
    const after = columns();

    const echo = applyAccountChange(cache, buildChange("MOVED", withStatus(textiles, statuses.sinContactar)));
    expect(echo.cardChanged).toBe(false);
    expect(columns()).toEqual(after);
    expect(columns()?.[1]?.cards).toEqual(["Textiles Yucateca", "Calzado Nogal"]);
  });

  it("should drop the timeline of a moved account, so an open panel reads it again with the status-change note", () => {
    const { cache, notes } = seeded();
    expect(notes()).toEqual(["Primera llamada"]);
    applyAccountChange(cache, buildChange("MOVED", withStatus(textiles, statuses.sinContactar)));
    expect(notes()).toBeUndefined();
  });

  it("should move the sums by a colleague's value change and refresh the row and the panel in place", () => {
    const { cache, columns, board, list } = seeded();
    const edited = { ...textiles, companyName: "Textiles Yucateca Norte", followUpData: { ...textiles.followUpData, accountValue: 1500.3 } };
    const applied = applyAccountChange(cache, buildChange("UPDATED", edited));

    expect(applied.cardChanged).toBe(true);
    expect(columns()?.[0]).toEqual({ status: 1, count: 2, sum: 1700.5, cards: ["Textiles Yucateca Norte", "Telas del Sur"] });
    expect(board()?.accountValueSum).toBe(1950.5);
    expect(list()?.edges[0]?.node.companyName).toBe("Textiles Yucateca Norte");
    expect(cache.readQuery({ query: AccountPanelDocument, variables: { id: textiles.id } })?.account.followUpData?.accountValue).toBe(1500.3);
  });

  it("should move the sums once when the echo of the viewer's own save arrives before the save's answer", () => {
    const { cache, columns, board } = seeded();
    const ref = cache.identify(textiles)!;
    const saved = { ...textiles, version: textiles.version + 1, followUpData: { ...textiles.followUpData, accountValue: 1500.3 } };
    // useUpdateAccount read the card's value (1000.1) when the save started; the echo lands first.
    applyAccountChange(cache, buildChange("UPDATED", saved, { actor: { id: "VXNlcjox" } }));
    // Then the answer: the mutation's update moves the sums from the value it read, at the same version.
    changeCardValueInBoards(cache, ref, 1000.1, 1500.3, saved.version);

    expect(columns()?.[0]).toMatchObject({ count: 2, sum: 1700.5 });
    expect(board()?.accountValueSum).toBe(1950.5);
    // A later change (a newer version) still moves them.
    changeCardValueInBoards(cache, ref, 1500.3, 1600.3, saved.version + 1);
    expect(board()?.accountValueSum).toBe(2050.5);
  });

  it("should write nothing for an account no view loaded", () => {
    const { cache } = seeded();
    const stranger = buildChangedAccount(77, "Ajena", 5, statuses.nuevo);
    applyAccountChange(cache, buildChange("UPDATED", stranger));
    expect(cache.extract()[cache.identify(stranger) ?? ""]).toBeUndefined();
  });

  it.each([
    ["REMOVED", { kind: "REMOVED" as const, leftScope: false }],
    ["leftScope (reassigned away)", { kind: "UPDATED" as const, leftScope: true }],
  ])("should drop the card and the row with their counts when %s, and keep the account for an open panel", (_label, { kind, leftScope }) => {
    const { cache, columns, board, list } = seeded();
    applyAccountChange(cache, buildChange(kind, leftScope ? null : { ...textiles, status: "REMOVED" }, { accountId: textiles.id, leftScope }));

    expect(columns()?.[0]).toEqual({ status: 1, count: 1, sum: 200.2, cards: ["Telas del Sur"] });
    expect([board()?.totalCount, board()?.accountValueSum]).toEqual([2, 450.2]);
    expect(columns(searchFilter)).toEqual([{ status: 1, count: 0, sum: 0, cards: [] }]);
    expect(list()?.edges.map((edge) => edge.node.companyName)).toEqual(["Telas del Sur", "Calzado Nogal"]);
    expect(list()?.totalCount).toBe(2);
    expect(cache.readQuery({ query: AccountPanelDocument, variables: { id: textiles.id } })?.account.companyName).toBe("Textiles Yucateca");
  });

  it("should put a colleague's note at the top of the open timeline once, even when it comes twice", () => {
    const { cache, notes } = seeded();
    const change = buildChange("NOTE_ADDED", textiles, { note: buildNote("Note:2", "Llamó el cliente") });
    applyAccountChange(cache, change);
    applyAccountChange(cache, change);
    expect(notes()).toEqual(["Llamó el cliente", "Primera llamada"]);
  });
});

describe("applyAccountChange for a card the boards have not loaded", () => {
  const stranger = buildChangedAccount(77, "Ajena", 5, statuses.nuevo);
  const byStatus: AccountFilter = { statusIds: [statuses.sinContactar.id] };
  const bySalesman: AccountFilter = { salesmanIds: ["VXNlcjoz"] };

  /** Long columns: the unfiltered board counts `stranger` in Nuevo lead without having loaded it. */
  function longColumns(filters: readonly AccountFilter[]) {
    const cache = createApolloCache();
    const write = (filter: AccountFilter | undefined, data: ReturnType<typeof buildBoard>) =>
      cache.writeQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards }, data });
    write(undefined, buildBoard([buildColumn(statuses.nuevo, [textiles], { totalCount: 5, accountValueSum: 2000, hasNextPage: true }), buildColumn(statuses.sinContactar, [calzado])]));
    for (const filter of filters) {
      write(filter, filter === byStatus ? buildBoard([buildColumn(statuses.sinContactar, [calzado])]) : buildBoard([buildColumn(statuses.nuevo, [textiles]), buildColumn(statuses.sinContactar, [])]));
    }
    const columns = (filter?: AccountFilter) =>
      cache
        .readQuery({ query: BoardDocument, variables: { filter, first: boardFirstCards } })
        ?.board.columns.map((column) => [column.totalCount, column.accountValueSum, column.cards.edges.map((edge) => edge.node.companyName)]);
    return { cache, columns };
  }
  const moved = () => buildChange("MOVED", withStatus(stranger, statuses.sinContactar), { fromStatus: { id: statuses.nuevo.id } });

  it("should move the unfiltered board's counts and put the card on top of its new column, once however often the event comes", () => {
    const { cache, columns } = longColumns([]);
    applyAccountChange(cache, moved());
    const after = columns();
    expect(after).toEqual([
      [4, 1995, ["Textiles Yucateca"]],
      [2, 255, ["Ajena", "Calzado Nogal"]],
    ]);
    applyAccountChange(cache, moved());
    expect(columns()).toEqual(after);
  });

  it("should take a removed card the boards had not loaded out of the unfiltered board's counts, once", () => {
    const { cache, columns } = longColumns([byStatus, bySalesman]);
    const removed = buildChange("REMOVED", { ...stranger, version: stranger.version + 1, status: "REMOVED" });
    // Neither filtered board could have counted it: the status filter hides Nuevo lead, the salesman's column is fully loaded.
    expect(applyAccountChange(cache, removed).boardsUnsure).toBe(false);
    const after = columns();
    expect(after).toEqual([
      [4, 1995, ["Textiles Yucateca"]],
      [1, 250, ["Calzado Nogal"]],
    ]);
    applyAccountChange(cache, removed);
    expect(columns()).toEqual(after);
    expect(columns(byStatus)).toEqual([[1, 250, ["Calzado Nogal"]]]);
  });

  it("should not show the card on a filtered board, and call a board unsure only when its filter may match", () => {
    const { cache, columns } = longColumns([byStatus, bySalesman]);
    // The status-filtered board has the target column but not the source: the card may match it now.
    expect(applyAccountChange(cache, moved()).boardsUnsure).toBe(true);
    expect(columns(byStatus)).toEqual([[1, 250, ["Calzado Nogal"]]]);
    // The salesman's board had the source column fully loaded without the card: not theirs, before or after.
    expect(columns(bySalesman)).toEqual([
      [1, 1000.1, ["Textiles Yucateca"]],
      [0, 0, []],
    ]);
    const { cache: salesmanOnly } = longColumns([bySalesman]);
    expect(applyAccountChange(salesmanOnly, moved()).boardsUnsure).toBe(false);
  });
});

describe("applyCreatedAccounts", () => {
  it("should put a few new accounts at the top of their column in the unfiltered board and drop the lists and filtered boards", () => {
    const { cache, columns, board, list } = seeded();
    const fresh = buildChangedAccount(10, "Nueva Cuenta", 300, statuses.sinContactar);
    const count = applyCreatedAccounts(cache, [buildChange("CREATED", fresh)]);

    expect(count).toBe(1);
    expect(columns()?.[1]).toEqual({ status: 2, count: 2, sum: 550, cards: ["Nueva Cuenta", "Calzado Nogal"] });
    expect(board()?.totalCount).toBe(4);
    // Whether a search or a sorted page shows it is the server's to say: those read again.
    expect(board(searchFilter)).toBeUndefined();
    expect(list()).toBeUndefined();
  });

  it("should skip accounts the cache already holds (the viewer's own, read back by their mutation)", () => {
    const { cache, columns, list } = seeded();
    const before = columns();
    expect(applyCreatedAccounts(cache, [buildChange("CREATED", textiles)])).toBe(0);
    expect(columns()).toEqual(before);
    expect(list()?.totalCount).toBe(3);
  });

  it("should re-read every board instead of placing the accounts one by one when a batch is larger than an interactive burst", () => {
    const { cache, board } = seeded();
    const imported = Array.from({ length: placeCreatedAtMost + 1 }, (_, index) =>
      buildChange("CREATED", buildChangedAccount(100 + index, `Importada ${index}`, 1, statuses.nuevo)),
    );
    expect(applyCreatedAccounts(cache, imported)).toBe(placeCreatedAtMost + 1);
    expect(board()).toBeUndefined();
    expect(cache.extract()[cache.identify(imported[0]?.account ?? {}) ?? ""]).toBeUndefined();
  });
});
