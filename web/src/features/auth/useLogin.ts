import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { LoginDocument, MeDocument, type LoginInput } from "../../__generated__/graphql";

/**
 * The login mutation. On success the returned user becomes `me` in the cache, so the route guard
 * lets the user in without another round trip. The promise rejects on failure; `error` holds it too.
 */
export function useLogin() {
  const [mutate, { loading, error, reset }] = useMutation(LoginDocument, {
    update(cache, { data }) {
      if (!data) {
        return;
      }
      cache.writeQuery({ query: MeDocument, data: { me: data.login } });
    },
  });
  const login = useCallback(async (input: LoginInput) => {
    const result = await mutate({ variables: { input } });
    return result.data?.login ?? null;
  }, [mutate]);
  return { login, loading, error, reset } as const;
}
