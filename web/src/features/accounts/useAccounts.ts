import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useCallback, useMemo, useRef, useState } from "react";

import {
  AccountsDocument,
  type AccountFilter,
  type AccountOrder,
  type AccountsTable_AccountFragment,
} from "../../__generated__/graphql";

/** The server's largest page: fewer round trips while scrolling through thousands of rows. */
export const accountsPageSize = 100;

export interface UseAccountsResult {
  readonly accounts: readonly AccountsTable_AccountFragment[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** True only for the first page of a filter/order; loading more has its own flag. */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: Error | undefined;
  /** Fetches the next page; does nothing after a failed page until `retry` (no request loop on errors). */
  readonly loadMore: () => void;
  /** Clears a failed "more" page and tries it again. */
  readonly retry: () => void;
}

/**
 * The accounts connection for a filter and order, a page at a time. Pages are merged by the
 * relay-style field policy in lib/apollo.ts (one list per filter/order), so `loadMore` only asks
 * for the next cursor.
 */
export function useAccounts(filter: AccountFilter | undefined, orderBy: AccountOrder | undefined): UseAccountsResult {
  const { data, previousData, networkStatus, error, fetchMore } = useQuery(AccountsDocument, {
    variables: { first: accountsPageSize, filter, orderBy },
    notifyOnNetworkStatusChange: true,
  });
  const [loadMoreError, setLoadMoreError] = useState<Error>();
  // Keep the previous rows on screen while a new filter loads, instead of flashing an empty table.
  const connection = (data ?? previousData)?.accounts;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // A stable array while the edges are the same, so a 10k-row table does not rebuild its rows on every render.
  const edges = connection?.edges;
  const accounts = useMemo(() => edges?.map((edge) => edge.node) ?? [], [edges]);

  // The cursor already asked for: Apollo may render once between the answer and the merged list,
  // and asking for the same page twice would duplicate work (or rows).
  const requestedCursor = useRef<string | null>(null);

  const fetchNext = useCallback(() => {
    if (!hasNextPage || endCursor === null || loadingMore || requestedCursor.current === endCursor) {
      return;
    }
    requestedCursor.current = endCursor;
    setLoadMoreError(undefined);
    fetchMore({ variables: { after: endCursor } }).catch((reason: unknown) => {
      requestedCursor.current = null;
      setLoadMoreError(reason instanceof Error ? reason : new Error(String(reason)));
    });
  }, [endCursor, fetchMore, hasNextPage, loadingMore]);

  const loadMore = useCallback(() => {
    if (loadMoreError === undefined) {
      fetchNext();
    }
  }, [fetchNext, loadMoreError]);

  return {
    accounts,
    totalCount: connection?.totalCount ?? 0,
    hasNextPage,
    loading: networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables,
    loadingMore,
    error: error ?? loadMoreError,
    loadMore,
    retry: fetchNext,
  };
}
