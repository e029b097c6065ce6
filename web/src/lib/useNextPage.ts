import { useCallback, useRef, useState } from "react";

export interface NextPageInput {
  /** The loaded pages' last cursor (null before the first page). */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  /** A page is on its way (Apollo's NetworkStatus.fetchMore). */
  readonly loadingMore: boolean;
  /** The query's fetchMore; the field policy merges the page into the cached list. */
  readonly fetchMore: (options: { variables: { after: string } }) => Promise<unknown>;
}

export interface NextPage {
  /** Fetches the next page; does nothing after a failed page until `retry` (no request loop on errors). */
  readonly loadMore: () => void;
  /** Clears a failed page and asks for it again. */
  readonly retry: () => void;
  /** The last "more" page's failure, until it is retried. */
  readonly error: Error | undefined;
}

/**
 * Cursor paging for an infinite list (accounts, an import's rows): asks for each page once, stops
 * after a failure until the user retries.
 */
export function useNextPage({ endCursor, hasNextPage, loadingMore, fetchMore }: NextPageInput): NextPage {
  const [error, setError] = useState<Error>();
  // The cursor already asked for: Apollo may render once between the answer and the merged list,
  // and asking for the same page twice would duplicate work (or rows).
  const requestedCursor = useRef<string | null>(null);

  const retry = useCallback(() => {
    if (!hasNextPage || endCursor === null || loadingMore || requestedCursor.current === endCursor) {
      return;
    }
    requestedCursor.current = endCursor;
    setError(undefined);
    fetchMore({ variables: { after: endCursor } }).catch((reason: unknown) => {
      requestedCursor.current = null;
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    });
  }, [endCursor, fetchMore, hasNextPage, loadingMore]);

  const loadMore = useCallback(() => {
    if (error === undefined) {
      retry();
    }
  }, [retry, error]);

  return { loadMore, retry, error };
}

/** What a paged list hook gives its table (accounts, an import's rows), beside the rows themselves. */
export interface PagedList {
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** True only for the first page; loading more has its own flag. */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: Error | undefined;
  /** Fetches the next page; does nothing after a failed page until `retry` (no request loop on errors). */
  readonly loadMore: () => void;
  /** Clears a failed "more" page and tries it again. */
  readonly retry: () => void;
}
