import type { ApolloCache, Reference } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { AddNoteDocument, type AddNoteInput, type AddNoteMutation, type NoteItem_NoteFragment } from "../../../__generated__/graphql";
import { useMe } from "../../auth/useMe";

/** What the cache needs to find the account: Apollo keys it by `__typename:id`. */
export interface AccountKey {
  readonly __typename?: string;
  readonly id: string;
}

interface NoteConnectionRef {
  readonly edges: ReadonlyArray<{ readonly node: Reference }>;
  readonly totalCount?: number;
}

/**
 * Puts a new note at the top of the account's cached timeline and moves its last activity. A note
 * already listed stays where it is: the viewer's own note also comes back as a live event.
 */
export function prependNote(cache: ApolloCache, account: AccountKey, note: NoteItem_NoteFragment & { __typename?: "Note" }): void {
  cache.modify({
    id: cache.identify({ ...account, __typename: account.__typename ?? "Prospect" }),
    fields: {
      notes(existing, { toReference }) {
        const connection = existing as NoteConnectionRef | undefined;
        const ref = toReference({ __typename: "Note", id: note.id });
        if (!connection || !ref || connection.edges.some((edge) => edge.node.__ref === ref.__ref)) {
          return existing;
        }
        return {
          ...connection,
          edges: [{ __typename: "NoteEdge", cursor: "", node: ref }, ...connection.edges],
          totalCount: (connection.totalCount ?? connection.edges.length) + 1,
        };
      },
      lastActivityAt: () => note.createdAt,
      nextScheduledActivity: (current, { DELETE }) => (note.scheduledDate ? DELETE : current),
    },
  });
}

/**
 * Adds a note; the timeline shows it at once (optimistic) and the account's last activity moves.
 * On error Apollo drops the optimistic note and the caller shows the message.
 */
export function useAddNote(account: AccountKey) {
  const { viewer } = useMe();
  const [mutate, { loading }] = useMutation(AddNoteDocument);
  const addNote = useCallback(
    async (input: Omit<AddNoteInput, "accountId">) => {
      const now = new Date().toISOString();
      await mutate({
        variables: { input: { ...input, accountId: account.id } },
        // Generated types omit __typename, but the cache needs it to normalise the optimistic note.
        optimisticResponse: {
          addNote: {
            __typename: "Note",
            id: `optimistic-note-${now}`,
            comment: input.comment,
            action: input.action ?? null,
            scheduledDate: input.scheduledDate ?? null,
            createdAt: now,
            source: "PROSPECT",
            canEdit: false,
            author: { __typename: "User", id: viewer?.id ?? "viewer", name: viewer?.name ?? "" },
            status: null,
          } as AddNoteMutation["addNote"],
        },
        update(cache, { data }) {
          if (data?.addNote) {
            prependNote(cache, account, data.addNote);
          }
        },
      });
    },
    [account, mutate, viewer],
  );
  return { addNote, loading } as const;
}
