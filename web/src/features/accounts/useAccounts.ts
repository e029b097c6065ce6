import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useCallback, useState } from "react";

import { AccountsDocument, type AccountRow_AccountFragment } from "../../__generated__/graphql";

export const accountsPageSize = 25;

export interface UseAccountsResult {
  readonly accounts: readonly AccountRow_AccountFragment[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** True only for the first page of a search; "load more" has its own flag. */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: Error | undefined;
  readonly loadMore: () => void;
}

/**
 * The accounts connection for a search, 25 at a time. Pages are merged by the relay-style field
 * policy in lib/apollo.ts, so `loadMore` only asks for the next cursor.
 */
export function useAccounts(search: string): UseAccountsResult {
  const filter = search === "" ? undefined : { search };
  const { data, previousData, networkStatus, error, fetchMore } = useQuery(AccountsDocument, {
    variables: { first: accountsPageSize, filter },
    notifyOnNetworkStatusChange: true,
  });
  const [loadMoreError, setLoadMoreError] = useState<Error>();
  // Keep the previous rows on screen while a new search loads, instead of flashing an empty table.
  const connection = (data ?? previousData)?.accounts;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;

  const loadMore = useCallback(() => {
    if (!hasNextPage || endCursor === null) {
      return;
    }
    setLoadMoreError(undefined);
    fetchMore({ variables: { after: endCursor } }).catch((reason: unknown) => {
      setLoadMoreError(reason instanceof Error ? reason : new Error(String(reason)));
    });
  }, [endCursor, fetchMore, hasNextPage]);

  return {
    accounts: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount ?? 0,
    hasNextPage,
    loading: networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables,
    loadingMore: networkStatus === NetworkStatus.fetchMore,
    error: error ?? loadMoreError,
    loadMore,
  };
}
