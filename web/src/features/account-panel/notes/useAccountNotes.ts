import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import { AccountNotesDocument, type NoteItem_NoteFragment } from "../../../__generated__/graphql";

export const notesPageSize = 20;

/** An account's timeline, newest first; `loadOlder` appends the next page (merged by the Account.notes policy). */
export function useAccountNotes(accountId: string) {
  const { data, networkStatus, error, fetchMore } = useQuery(AccountNotesDocument, {
    variables: { id: accountId, first: notesPageSize },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.account.notes;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const loadOlder = useCallback(() => {
    if (hasNextPage && endCursor !== null) {
      void fetchMore({ variables: { after: endCursor } }).catch(() => undefined);
    }
  }, [endCursor, fetchMore, hasNextPage]);
  const notes: NoteItem_NoteFragment[] = connection?.edges.map((edge) => edge.node) ?? [];
  return {
    notes,
    totalCount: connection?.totalCount ?? 0,
    hasNextPage,
    loading: networkStatus === NetworkStatus.loading,
    loadingOlder: networkStatus === NetworkStatus.fetchMore,
    error,
    loadOlder,
  } as const;
}
