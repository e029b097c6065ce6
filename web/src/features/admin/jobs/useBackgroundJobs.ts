import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import { FailedJobsDocument, RetryFailedJobsDocument, RetryJobDocument, type BackgroundJobRow_JobFragment } from "../../../__generated__/graphql";

/** The server's page limit: more failed jobs than this are counted, and "Retry all" covers them. */
export const failedJobsPageSize = 100;

/** Failed background jobs, most recent first (the first page), with how many there are in all. */
export function useFailedJobs() {
  const { data, loading, error, refetch } = useQuery(FailedJobsDocument, { variables: { first: failedJobsPageSize }, fetchPolicy: "cache-and-network" });
  const jobs: readonly BackgroundJobRow_JobFragment[] = data?.failedJobs.edges.map((edge) => edge.node) ?? [];
  return { jobs, totalCount: data?.failedJobs.totalCount ?? 0, loading: loading && !data, error, refetch } as const;
}

/** Puts one failed job back to run; it leaves the failed list at once (the cache drops its edge). */
export function useRetryJob() {
  const [mutate, { loading }] = useMutation(RetryJobDocument, {
    update(cache, { data }) {
      const retried = data?.retryJob;
      if (!retried) {
        return;
      }
      cache.updateQuery({ query: FailedJobsDocument, variables: { first: failedJobsPageSize } }, (current) =>
        current
          ? {
              failedJobs: {
                ...current.failedJobs,
                totalCount: Math.max(0, current.failedJobs.totalCount - 1),
                edges: current.failedJobs.edges.filter((edge) => edge.node.id !== retried.id),
              },
            }
          : current,
      );
    },
  });
  const retry = useCallback(
    async (jobId: string) => {
      await mutate({ variables: { input: { jobId } } });
    },
    [mutate],
  );
  return { retry, loading } as const;
}

/** Puts every failed job back to run; resolves with how many, then the list is read again. */
export function useRetryFailedJobs() {
  const [mutate, { loading }] = useMutation(RetryFailedJobsDocument, {
    refetchQueries: [{ query: FailedJobsDocument, variables: { first: failedJobsPageSize } }],
    awaitRefetchQueries: true,
  });
  const retryAll = useCallback(async () => {
    const result = await mutate();
    return result.data?.retryFailedJobs.count ?? 0;
  }, [mutate]);
  return { retryAll, loading } as const;
}
