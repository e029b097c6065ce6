import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { UpdateNoteDocument, type NoteItem_NoteFragment, type UpdateNoteInput, type UpdateNoteMutation } from "../../../__generated__/graphql";

export type NoteChanges = Omit<UpdateNoteInput, "id">;

/**
 * Saves changes to a note (its author or a manager). Optimistic: the note is normalised by id,
 * so the timeline shows the new text at once; Apollo puts the old one back if the server refuses.
 */
export function useUpdateNote() {
  const [mutate, { loading }] = useMutation(UpdateNoteDocument);
  const updateNote = useCallback(
    async (note: NoteItem_NoteFragment, changes: NoteChanges) => {
      await mutate({
        variables: { input: { id: note.id, ...changes } },
        optimisticResponse: {
          updateNote: {
            ...note,
            __typename: "Note",
            comment: changes.comment ?? note.comment,
            action: changes.action === undefined ? note.action : changes.action,
            scheduledDate: changes.scheduledDate === undefined ? note.scheduledDate : changes.scheduledDate,
          } as UpdateNoteMutation["updateNote"],
        },
      });
    },
    [mutate],
  );
  return { updateNote, loading } as const;
}
