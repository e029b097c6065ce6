import { useQuery } from "@apollo/client/react";

import { MeDocument, type Viewer_UserFragment } from "../../__generated__/graphql";

export interface UseMeResult {
  /** The signed-in user, or null when there is no session (or it is still loading). */
  readonly viewer: Viewer_UserFragment | null;
  readonly loading: boolean;
  readonly error: Error | undefined;
  readonly refetch: () => void;
}

/** The viewer from the `me` query; cache-first, so every caller shares one request. */
export function useMe(): UseMeResult {
  const { data, loading, error, refetch } = useQuery(MeDocument);
  return {
    viewer: data?.me ?? null,
    loading,
    error,
    refetch: () => {
      void refetch();
    },
  };
}
