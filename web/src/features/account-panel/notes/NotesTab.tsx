import { useState } from "react";

import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { notesMessages } from "./messages";
import { NoteForm } from "./NoteForm";
import { NoteItem } from "./NoteItem";
import { useAccountNotes } from "./useAccountNotes";
import type { AccountKey } from "./useAddNote";
import { useRemoveNote } from "./useRemoveNote";
import { useUpdateNote } from "./useUpdateNote";

/** The account's timeline (newest first, older pages on demand) with the new-note form on top. */
export function NotesTab({ account }: { account: AccountKey }) {
  const t = useT(notesMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { notes, totalCount, hasNextPage, loading, loadingOlder, error, loadOlder } = useAccountNotes(account.id);
  const { removeNote } = useRemoveNote();
  const { updateNote } = useUpdateNote();
  const [toRemove, setToRemove] = useState<string | null>(null);
  const remove = (id: string) => {
    setToRemove(null);
    removeNote(id).then(
      () => toast.success(t.removed),
      (reason: unknown) => toast.error(toMessage(reason)),
    );
  };

  return (
    <section className="notes" aria-labelledby="notes-title">
      <NoteForm account={account} />
      <h3 id="notes-title">{t.title}</h3>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading ? (
        <div aria-busy="true" aria-label={common.loading}>
          <div className="skeleton skeleton--block" />
          <div className="skeleton skeleton--block" />
        </div>
      ) : null}
      {!loading && !error && notes.length === 0 ? <p className="empty-state">{t.empty}</p> : null}
      <ol className="timeline" aria-label={t.title}>
        {notes.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            onUpdate={updateNote}
            onRemove={(target) => setToRemove(target.id)}
          />
        ))}
      </ol>
      {notes.length > 0 ? <p className="timeline__count">{t.count(notes.length, totalCount)}</p> : null}
      {hasNextPage ? (
        <button type="button" onClick={loadOlder} disabled={loadingOlder}>
          {loadingOlder ? common.loading : t.loadOlder}
        </button>
      ) : null}
      <ConfirmDialog
        open={toRemove !== null}
        title={t.confirmRemove}
        confirmLabel={t.remove}
        danger
        onConfirm={() => (toRemove ? remove(toRemove) : undefined)}
        onCancel={() => setToRemove(null)}
      />
    </section>
  );
}
