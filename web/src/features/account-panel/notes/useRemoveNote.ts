import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { RemoveNoteDocument, type RemoveNoteMutation } from "../../../__generated__/graphql";

/** Deletes a note (its author or a manager); the note leaves every cached timeline at once. */
export function useRemoveNote() {
  const [mutate, { loading }] = useMutation(RemoveNoteDocument);
  const removeNote = useCallback(
    async (id: string) => {
      await mutate({
        variables: { input: { id } },
        optimisticResponse: { removeNote: { __typename: "Note", id } as RemoveNoteMutation["removeNote"] },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: "Note", id }) });
          cache.gc();
        },
      });
    },
    [mutate],
  );
  return { removeNote, loading } as const;
}
