import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";

import {
  AccountsDocument,
  type AccountFilter,
  type AccountOrder,
  type AccountsTable_AccountFragment,
} from "../../__generated__/graphql";
import { useNextPage, type PagedList } from "../../lib/useNextPage";

/** The server's largest page: fewer round trips while scrolling through thousands of rows. */
export const accountsPageSize = 100;

export interface UseAccountsResult extends PagedList {
  readonly accounts: readonly AccountsTable_AccountFragment[];
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
  // Keep the previous rows on screen while a new filter loads, instead of flashing an empty table.
  const connection = (data ?? previousData)?.accounts;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // A stable array while the edges are the same, so a 10k-row table does not rebuild its rows on every render.
  const edges = connection?.edges;
  const accounts = useMemo(() => edges?.map((edge) => edge.node) ?? [], [edges]);

  const nextPage = useNextPage({ endCursor, hasNextPage, loadingMore, fetchMore });

  return {
    accounts,
    totalCount: connection?.totalCount ?? 0,
    hasNextPage,
    loading: networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables,
    loadingMore,
    error: error ?? nextPage.error,
    loadMore: nextPage.loadMore,
    retry: nextPage.retry,
  };
}
