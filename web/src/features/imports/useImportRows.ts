import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";

import { CsvImportRowsDocument, type CsvImportRowState, type ImportRowsTable_RowFragment } from "../../__generated__/graphql";
import { useNextPage, type PagedList } from "../../lib/useNextPage";

/** The server's largest page. */
export const importRowsPageSize = 100;

export interface UseImportRowsResult extends PagedList {
  readonly rows: readonly ImportRowsTable_RowFragment[];
}

/**
 * An import's rows in one state, a page at a time (merged per state by the cache's relay-style
 * policy on CsvImport.rows). Asked again from the network on mount: a commit changes which rows
 * are duplicates and which were created.
 */
export function useImportRows(importId: string, state: CsvImportRowState): UseImportRowsResult {
  const { data, networkStatus, error, fetchMore } = useQuery(CsvImportRowsDocument, {
    variables: { id: importId, states: [state], first: importRowsPageSize },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.csvImport.rows;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const edges = connection?.edges;
  const rows = useMemo(() => edges?.map((edge) => edge.node) ?? [], [edges]);

  const nextPage = useNextPage({ endCursor, hasNextPage, loadingMore, fetchMore });

  return {
    rows,
    totalCount: connection?.totalCount ?? 0,
    hasNextPage,
    loading: rows.length === 0 && networkStatus === NetworkStatus.loading,
    loadingMore,
    error: error ?? nextPage.error,
    loadMore: nextPage.loadMore,
    retry: nextPage.retry,
  };
}
