import { NetworkStatus } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useMemo } from "react";

import {
  AdminUsersDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  ReactivateUserDocument,
  ResetUserPasswordDocument,
  SetUserPermissionsDocument,
  type AdminUserRow_UserFragment,
  type CreateUserInput,
  type CrmRole,
} from "../../../__generated__/graphql";

export const usersPageSize = 100;

/** Users for the admin, by name, filtered by a name/email prefix; pages merge in the cache (lib/apollo.ts). */
export function useAdminUsers(search: string) {
  const { data, previousData, networkStatus, error, fetchMore } = useQuery(AdminUsersDocument, {
    variables: { first: usersPageSize, filter: search === "" ? undefined : { search } },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.users;
  const edges = connection?.edges;
  const users: readonly AdminUserRow_UserFragment[] = useMemo(() => edges?.map((edge) => edge.node) ?? [], [edges]);
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const loadMore = useCallback(() => {
    if (endCursor !== null) {
      fetchMore({ variables: { after: endCursor } }).catch(() => undefined);
    }
  }, [endCursor, fetchMore]);
  return {
    users,
    totalCount: connection?.totalCount ?? 0,
    hasNextPage: connection?.pageInfo.hasNextPage ?? false,
    loading: networkStatus === NetworkStatus.loading && !connection,
    loadingMore: networkStatus === NetworkStatus.fetchMore,
    error,
    loadMore,
  } as const;
}

/** Creates a user, then refetches the list (the new name sorts anywhere in it). Rejects on failure. */
export function useCreateUser() {
  const [mutate] = useMutation(CreateUserDocument, { refetchQueries: [AdminUsersDocument] });
  return useCallback(
    async (input: CreateUserInput) => (await mutate({ variables: { input } })).data?.createUser ?? null,
    [mutate],
  );
}

/** Deactivates or reactivates a user; the cache merges `active` into the listed user by id. */
export function useSetUserActive() {
  const [deactivateMutation, deactivating] = useMutation(DeactivateUserDocument);
  const [reactivateMutation, reactivating] = useMutation(ReactivateUserDocument);
  const setActive = useCallback(
    async (userId: string, active: boolean) => {
      const variables = { input: { userId } };
      await (active ? reactivateMutation({ variables }) : deactivateMutation({ variables }));
    },
    [deactivateMutation, reactivateMutation],
  );
  return { setActive, loading: deactivating.loading || reactivating.loading } as const;
}

/** Replaces a user's CRM role and non-role permission keys. */
export function useSetUserPermissions() {
  const [mutate] = useMutation(SetUserPermissionsDocument);
  return useCallback(
    async (userId: string, role: CrmRole | null, permissions: readonly string[]) => {
      await mutate({ variables: { input: { userId, role, permissions: [...permissions] } } });
    },
    [mutate],
  );
}

/** Sets a new password for a user (their sessions end). */
export function useResetUserPassword() {
  const [mutate] = useMutation(ResetUserPasswordDocument);
  return useCallback(
    async (userId: string, password: string) => {
      await mutate({ variables: { input: { userId, password } } });
    },
    [mutate],
  );
}
