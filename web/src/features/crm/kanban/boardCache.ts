import { InMemoryCache, type ApolloCache, type Reference } from "@apollo/client";

import {
  KanbanCard_AccountFragmentDoc,
  type AccountFilter,
  type KanbanCard_AccountFragment,
  type KanbanColumn_ColumnFragment,
} from "../../../__generated__/graphql";

/*
 * The board lives in one cache entry per filter (`Query.board`, keyed by filter in lib/apollo.ts).
 * Its columns have no id, so they are plain objects inside that entry; these helpers edit them in
 * place with cache.modify (references, not whole rewrites), which keeps a move or a further page
 * cheap even when a column holds thousands of loaded cards.
 */

interface StoredEdge {
  readonly __typename?: string;
  readonly cursor: string;
  readonly node: Reference;
}

interface StoredColumn {
  readonly totalCount: number;
  readonly accountValueSum: number;
  readonly status: Reference;
  readonly cards: {
    readonly edges: readonly StoredEdge[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

interface StoredBoard {
  readonly totalCount: number;
  readonly accountValueSum: number;
  readonly columns: readonly StoredColumn[];
}

type ReadField = <V>(fieldName: string, from?: Reference) => V | undefined;

/** Sums of amounts in centavos, as the server rounds them (no 0.30000000000000004 on screen). */
export function addMoney(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}

/** The key of the board's cache entry for a filter (the field policy's keyArgs decide its shape). */
function boardFieldName(cache: ApolloCache, filter: AccountFilter | undefined): string {
  if (!(cache instanceof InMemoryCache)) {
    throw new Error("The Kanban's cache helpers need the app's InMemoryCache");
  }
  return cache.policies.getStoreFieldName({ typename: "Query", fieldName: "board", args: filter ? { filter } : {} });
}

/** Whether any column of the board has loaded the card. */
function holdsCard(board: StoredBoard, cardRef: string): boolean {
  return board.columns.some((column) => column.cards.edges.some((edge) => edge.node.__ref === cardRef));
}

function statusIdOf(column: StoredColumn, readField: ReadField): number | undefined {
  return readField<number>("id", column.status);
}

/**
 * Appends a page of one column's cards (a boardColumn answer, read without the cache) to the
 * board cached for `filter`; the column's totals are refreshed from the same answer.
 */
export function appendColumnPage(cache: ApolloCache, filter: AccountFilter | undefined, page: KanbanColumn_ColumnFragment): void {
  const fieldName = boardFieldName(cache, filter);
  const edges = page.cards.edges.flatMap((edge): StoredEdge[] => {
    const node = cache.writeFragment({ fragment: KanbanCard_AccountFragmentDoc, fragmentName: "KanbanCard_account", data: edge.node });
    return node ? [{ __typename: "AccountEdge", cursor: edge.cursor, node }] : [];
  });
  cache.modify({
    fields: {
      board(value, { storeFieldName, readField }) {
        const existing = value as StoredBoard;
        if (storeFieldName !== fieldName) {
          return existing;
        }
        const columns = existing.columns.map((column) => {
          if (statusIdOf(column, readField as ReadField) !== page.status.id) {
            return column;
          }
          // A card moved in meanwhile may come again; keep the first copy.
          const known = new Set(column.cards.edges.map((edge) => edge.node.__ref));
          const fresh = edges.filter((edge) => !known.has(edge.node.__ref));
          return {
            ...column,
            totalCount: page.totalCount,
            accountValueSum: page.accountValueSum,
            cards: { ...column.cards, edges: [...column.cards.edges, ...fresh], pageInfo: { ...column.cards.pageInfo, ...page.cards.pageInfo } },
          };
        });
        return { ...existing, columns };
      },
    },
  });
}

export interface CardMove {
  readonly card: KanbanCard_AccountFragment;
  readonly fromStatusId: number;
  readonly toStatusId: number;
}

/** One card changing place on a board: out of `fromStatusId`'s column (if any), onto the top of `toStatusId`'s (if any). */
interface CardShift {
  readonly edge: StoredEdge;
  readonly fromStatusId?: number;
  readonly toStatusId?: number;
  readonly value: number;
}

/**
 * The board after a shift: the source column loses the card (if it had loaded it), one from its
 * count and the value from its sum; the target column gets the card on top (newest-updated first,
 * as the server orders it), one more and the value; the board's totals change only when one of
 * the two columns is not on it (its filter hides that status).
 */
function shiftCard(board: StoredBoard, read: ReadField, { edge, fromStatusId, toStatusId, value }: CardShift): StoredBoard {
  const cardRef = edge.node.__ref;
  let inBoard = 0;
  const columns = board.columns.map((column) => {
    const statusId = statusIdOf(column, read);
    if (statusId === fromStatusId) {
      inBoard -= 1;
      return {
        ...column,
        totalCount: Math.max(0, column.totalCount - 1),
        accountValueSum: addMoney(column.accountValueSum, -value),
        cards: { ...column.cards, edges: column.cards.edges.filter((item) => item.node.__ref !== cardRef) },
      };
    }
    if (statusId === toStatusId) {
      inBoard += 1;
      return {
        ...column,
        totalCount: column.totalCount + 1,
        accountValueSum: addMoney(column.accountValueSum, value),
        cards: { ...column.cards, edges: [edge, ...column.cards.edges.filter((item) => item.node.__ref !== cardRef)] },
      };
    }
    return column;
  });
  return { ...board, columns, totalCount: Math.max(0, board.totalCount + inBoard), accountValueSum: addMoney(board.accountValueSum, inBoard * value) };
}

/** The edge of a card a board had not loaded (its cursor is never asked for: pages follow the last loaded card). */
function newEdge(cardRef: string): StoredEdge {
  return { __typename: "AccountEdge", cursor: "", node: { __ref: cardRef } };
}

/**
 * Moves a card between two columns in every cached board that shows it: out of the source column
 * (count and value sum down), to the top of the target column (newest-updated first, as the
 * server orders it; count and sum up). A board whose filter hides the target status just loses
 * the card. Boards that never loaded the card are left alone.
 */
export function moveCardInBoards(cache: ApolloCache, { card, fromStatusId, toStatusId }: CardMove): void {
  const cardRef = cache.identify({ __typename: (card as { __typename?: string }).__typename ?? "Prospect", id: card.id });
  const amount = card.followUpData?.accountValue ?? 0;
  cache.modify({
    fields: {
      board(value, { readField }) {
        const existing = value as StoredBoard;
        const read = readField as ReadField;
        const source = existing.columns.find((column) => statusIdOf(column, read) === fromStatusId);
        const edge = source?.cards.edges.find((item) => item.node.__ref === cardRef);
        if (!source || !edge) {
          return existing;
        }
        return shiftCard(existing, read, { edge, fromStatusId, toStatusId, value: amount });
      },
    },
  });
}

/**
 * The highest account version whose value change the boards of a cache have taken, per card: the
 * same change reaches them twice when the live echo of the viewer's own save arrives before the
 * save's answer (both would otherwise move the sums, from the same "before").
 */
const valueVersions = new WeakMap<ApolloCache, Map<string, number>>();

/**
 * A card's account value changed (the side panel saved it, or a colleague did): every cached board
 * holding the card moves its column's and its own sum by the difference, so the totals agree with
 * the cards at once. `version` is the account's version with the new value; a change at a version
 * already taken is not applied again. A board that has not loaded the card (further down a long
 * column) is left as the server last answered it; its next read brings the new sum.
 */
export function changeCardValueInBoards(cache: ApolloCache, cardRef: string, before: number, after: number, version: number): void {
  const delta = addMoney(after, -before);
  const taken = valueVersions.get(cache) ?? new Map<string, number>();
  valueVersions.set(cache, taken);
  if (delta === 0 || (taken.get(cardRef) ?? -1) >= version) {
    return;
  }
  taken.set(cardRef, version);
  cache.modify({
    fields: {
      board(value) {
        const existing = value as StoredBoard;
        if (!holdsCard(existing, cardRef)) {
          return existing;
        }
        const columns = existing.columns.map((column) =>
          column.cards.edges.some((edge) => edge.node.__ref === cardRef) ? { ...column, accountValueSum: addMoney(column.accountValueSum, delta) } : column,
        );
        return { ...existing, columns, accountValueSum: addMoney(existing.accountValueSum, delta) };
      },
    },
  });
}

/**
 * An account left the viewer's boards (removed, or out of their scope now): its card leaves every
 * cached board that holds it, with the column's and the board's count and value sum. `cardRefs`
 * are the cache ids it may have (one per account type, when only its global id is known); `value`
 * is its account value as the boards summed it.
 */
export function removeCardFromBoards(cache: ApolloCache, cardRefs: ReadonlySet<string>, value: number): void {
  cache.modify({
    fields: {
      board(stored) {
        const existing = stored as StoredBoard;
        if (!existing.columns.some((column) => column.cards.edges.some((edge) => cardRefs.has(edge.node.__ref)))) {
          return existing;
        }
        const columns = existing.columns.map((column) => {
          const edges = column.cards.edges.filter((edge) => !cardRefs.has(edge.node.__ref));
          if (edges.length === column.cards.edges.length) {
            return column;
          }
          return {
            ...column,
            totalCount: Math.max(0, column.totalCount - 1),
            accountValueSum: addMoney(column.accountValueSum, -value),
            cards: { ...column.cards, edges },
          };
        });
        return { ...existing, columns, totalCount: Math.max(0, existing.totalCount - 1), accountValueSum: addMoney(existing.accountValueSum, -value) };
      },
    },
  });
}

/**
 * A new account (created by someone else, already written to the cache as `cardRef`) goes to the
 * top of its status's column in the board that certainly shows it: the unfiltered one (whether a
 * filter matches it is the server's to say). A board already holding the card is left alone.
 * Returns whether the board took it.
 */
export function insertCardInBoard(cache: ApolloCache, card: { readonly cardRef: string; readonly statusId: number; readonly value: number }): boolean {
  const unfiltered = boardFieldName(cache, undefined);
  const { cardRef, statusId, value } = card;
  let placed = false;
  cache.modify({
    fields: {
      board(stored, { storeFieldName, readField }) {
        const existing = stored as StoredBoard;
        const read = readField as ReadField;
        if (storeFieldName !== unfiltered || holdsCard(existing, cardRef) || !existing.columns.some((column) => statusIdOf(column, read) === statusId)) {
          return existing;
        }
        placed = true;
        return shiftCard(existing, read, { edge: newEdge(cardRef), toStatusId: statusId, value });
      },
    },
  });
  return placed;
}

/**
 * Drops the cached boards (all, or all but the unfiltered one) when accounts appeared that they
 * may or may not show: the board on screen reads itself again, the others when next opened.
 */
export function dropBoards(cache: ApolloCache, { keepUnfiltered }: { readonly keepUnfiltered: boolean }): void {
  const unfiltered = boardFieldName(cache, undefined);
  cache.modify({
    fields: {
      board(stored, { storeFieldName, DELETE }) {
        return keepUnfiltered && storeFieldName === unfiltered ? stored : DELETE;
      },
    },
  });
}

/** A move (or, without `toStatusId`, a removal) of a card some cached boards have not loaded: see settleMoveOutsideLoaded. */
export interface UnloadedMove {
  readonly cardRef: string;
  readonly fromStatusId: number;
  readonly toStatusId?: number;
  readonly value: number;
}

/**
 * The boards that do not hold a moved card still had it in their counts, or may show it now. The
 * unfiltered board shows every account the viewer can see: its source column loses one (and the
 * value), the target column gets the card at its top (it is now the newest updated). A filtered
 * board cannot tell on its own whether the card matches its filter, unless its source column is
 * fully loaded without the card (it did not match; a move changes only the status) or it has
 * neither column. A removal is a move to no column. Returns whether some filtered board cannot
 * tell (it should be read again).
 */
export function settleMoveOutsideLoaded(cache: ApolloCache, move: UnloadedMove): boolean {
  const unfiltered = boardFieldName(cache, undefined);
  const { cardRef, fromStatusId, toStatusId, value } = move;
  let unsure = false;
  cache.modify({
    fields: {
      board(stored, { storeFieldName, readField }) {
        const existing = stored as StoredBoard;
        const read = readField as ReadField;
        if (holdsCard(existing, cardRef)) {
          return existing;
        }
        const source = existing.columns.find((column) => statusIdOf(column, read) === fromStatusId);
        const hasTarget = toStatusId !== undefined && existing.columns.some((column) => statusIdOf(column, read) === toStatusId);
        if (storeFieldName !== unfiltered) {
          unsure ||= source ? source.cards.pageInfo.hasNextPage : hasTarget;
          return existing;
        }
        return shiftCard(existing, read, { edge: newEdge(cardRef), fromStatusId, toStatusId, value });
      },
    },
  });
  return unsure;
}
