import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
  type ApiTokenRow_TokenFragment,
  type CreateApiTokenInput,
} from "../../../__generated__/graphql";

/** Every API token (admins see everyone's), newest first. */
export function useApiTokens() {
  const { data, loading, error, refetch } = useQuery(ApiTokensDocument);
  const tokens: readonly ApiTokenRow_TokenFragment[] = data?.apiTokens ?? [];
  return { tokens, loading: loading && !data, error, refetch } as const;
}

/** Creates a token and adds it to the cached list; resolves with the secret, which the server shows only once. */
export function useCreateApiToken() {
  const [mutate, { loading, error, reset }] = useMutation(CreateApiTokenDocument, {
    update(cache, { data }) {
      const created = data?.createApiToken.token;
      if (!created) {
        return;
      }
      cache.updateQuery({ query: ApiTokensDocument }, (current) =>
        current ? { apiTokens: [created, ...current.apiTokens.filter((token) => token.id !== created.id)] } : current,
      );
    },
  });
  const create = useCallback(
    async (input: CreateApiTokenInput) => {
      const result = await mutate({ variables: { input } });
      return result.data?.createApiToken ?? null;
    },
    [mutate],
  );
  return { create, loading, error, reset } as const;
}

/** Revokes a token; the cache merges `revokedAt` into the listed token by id. */
export function useRevokeApiToken() {
  const [mutate, { loading, error }] = useMutation(RevokeApiTokenDocument);
  const revoke = useCallback(
    async (id: string) => {
      await mutate({ variables: { input: { id } } });
    },
    [mutate],
  );
  return { revoke, loading, error } as const;
}
