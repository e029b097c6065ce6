import { NetworkStatus } from "@apollo/client";
import { useApolloClient, useQuery } from "@apollo/client/react";
import { useCallback, useRef, useState } from "react";

import {
  BoardColumnDocument,
  BoardDocument,
  type AccountFilter,
  type KanbanColumn_ColumnFragment,
} from "../../../__generated__/graphql";
import { appendColumnPage } from "./boardCache";

/** First cards per column in the board's one request (the server allows up to 50). */
export const boardFirstCards = 30;
/** Cards per further page of one column (the server allows up to 100). */
export const columnPageSize = 50;

export interface UseBoardResult {
  readonly columns: readonly KanbanColumn_ColumnFragment[];
  readonly totalCount: number;
  readonly accountValueSum: number;
  /** True only until the first board of a filter arrives. */
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** Status ids whose next page is being fetched. */
  readonly loadingColumns: ReadonlySet<number>;
  /** The failed "more" page of a column, if any; `loadMore` does not retry it by itself. */
  readonly columnErrors: ReadonlyMap<number, Error>;
  /** Fetches the next cards of a column (no-op while one is in flight or when it has no more). */
  readonly loadMore: (statusId: number) => void;
  /** Tries a failed column page again. */
  readonly retryColumn: (statusId: number) => void;
  readonly refetch: () => void;
}

/**
 * The Kanban for a filter: one `board` request for every column's totals and first cards, then
 * `boardColumn` pages appended to the cached board as columns scroll (boardCache.ts).
 */
export function useBoard(filter: AccountFilter | undefined): UseBoardResult {
  const client = useApolloClient();
  const { data, previousData, networkStatus, error, refetch } = useQuery(BoardDocument, {
    variables: { filter, first: boardFirstCards },
    // Show a cached board at once, then the server's (other views and other people move accounts
    // too); afterwards this board's own cache edits (moves, pages) are not a reason to refetch.
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: (_current, { reason, initialFetchPolicy }) => (reason === "variables-changed" ? initialFetchPolicy : "cache-first"),
    notifyOnNetworkStatusChange: true,
  });
  // Keep the previous board on screen while a new filter loads, instead of flashing empty columns.
  const board = (data ?? previousData)?.board;
  const columns = board?.columns ?? [];
  const [loadingColumns, setLoadingColumns] = useState<ReadonlySet<number>>(new Set());
  const [columnErrors, setColumnErrors] = useState<ReadonlyMap<number, Error>>(new Map());
  // The cursor asked for per column while its page is on its way (state updates land a render
  // later, so a second call in between must not ask again). Cleared once the page is written: a
  // board read again later starts from its first page, whose cursor must be askable again.
  const requested = useRef(new Map<number, string>());

  const fetchPage = useCallback(
    (statusId: number) => {
      const column = columns.find((item) => item.status.id === statusId);
      const after = column?.cards.pageInfo.endCursor ?? null;
      if (!column?.cards.pageInfo.hasNextPage || after === null || requested.current.get(statusId) === after) {
        return;
      }
      requested.current.set(statusId, after);
      setLoadingColumns((current) => new Set(current).add(statusId));
      setColumnErrors((current) => mapWithout(current, statusId));
      client
        .query({ query: BoardColumnDocument, variables: { statusId, filter, first: columnPageSize, after }, fetchPolicy: "no-cache" })
        .then(({ data: page }) => {
          if (page) {
            appendColumnPage(client.cache, filter, page.boardColumn);
          }
        })
        .catch((reason: unknown) => {
          setColumnErrors((current) => new Map(current).set(statusId, reason instanceof Error ? reason : new Error(String(reason))));
        })
        .finally(() => {
          if (requested.current.get(statusId) === after) {
            requested.current.delete(statusId);
          }
          setLoadingColumns((current) => setWithout(current, statusId));
        });
    },
    [client, columns, filter],
  );

  const loadMore = useCallback(
    (statusId: number) => {
      if (!columnErrors.has(statusId)) {
        fetchPage(statusId);
      }
    },
    [columnErrors, fetchPage],
  );

  return {
    columns,
    totalCount: board?.totalCount ?? 0,
    accountValueSum: board?.accountValueSum ?? 0,
    loading: networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables,
    error,
    loadingColumns,
    columnErrors,
    loadMore,
    retryColumn: fetchPage,
    refetch: () => void refetch(),
  };
}

function setWithout(set: ReadonlySet<number>, key: number): ReadonlySet<number> {
  if (!set.has(key)) {
    return set;
  }
  const copy = new Set(set);
  copy.delete(key);
  return copy;
}

function mapWithout<V>(map: ReadonlyMap<number, V>, key: number): ReadonlyMap<number, V> {
  if (!map.has(key)) {
    return map;
  }
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
