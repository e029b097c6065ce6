import { useState } from "react";

import type { NoteAction, NoteItem_NoteFragment } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { serverFieldErrors } from "../formErrors";
import { notesMessages } from "./messages";
import { NoteEditForm } from "./NoteEditForm";
import { noteChanges, noteRuleMessages, noteValuesOf, type NoteFormValues } from "./noteSchema";
import type { NoteChanges } from "./useUpdateNote";

/** One glyph per action, so the timeline reads at a glance; the action's name is beside it for everyone. */
const actionIcons: Readonly<Record<NoteAction, string>> = {
  CALL: "📞",
  WHATSAPP: "💬",
  EMAIL: "✉️",
  MEETING: "🤝",
  SMS: "📱",
  OTHER: "📝",
};

interface NoteItemProps {
  readonly note: NoteItem_NoteFragment;
  readonly onRemove?: (note: NoteItem_NoteFragment) => void;
  /** Saves changes (optimistically); rejects with the server's error. Editing is offered when the note's canEdit. */
  readonly onUpdate?: (note: NoteItem_NoteFragment, changes: NoteChanges) => Promise<void>;
}

type Editor = { readonly values: NoteFormValues; readonly errors?: Record<string, string> };

/** A note on the timeline: action icon, text, author, when, and its scheduled follow-up; editable inline. */
export function NoteItem({ note, onRemove, onUpdate }: NoteItemProps) {
  const t = useT(notesMessages);
  const { format } = useI18n();
  const toast = useToast();
  const toMessage = useErrorMessage();
  const [editor, setEditor] = useState<Editor | null>(null);
  const pending = note.id.startsWith("optimistic-");

  async function save(values: NoteFormValues) {
    const changes = noteChanges(noteValuesOf(note), values);
    // The timeline shows the change at once (optimistic); a refusal reopens the editor with it.
    setEditor(null);
    if (!onUpdate || Object.keys(changes).length === 0) {
      return;
    }
    try {
      await onUpdate(note, changes);
      toast.success(t.updated);
    } catch (error) {
      const errors = serverFieldErrors<NoteFormValues>(error, noteRuleMessages(t.form)) as Record<string, string>;
      if (Object.keys(errors).length > 0) {
        setEditor({ values, errors });
      } else {
        toast.error(toMessage(error));
      }
    }
  }

  return (
    <li className={`timeline__item${pending ? " timeline__item--pending" : ""}`} aria-busy={pending || undefined}>
      <span className="timeline__icon" aria-hidden="true">
        {note.action ? actionIcons[note.action] : "🗒️"}
      </span>
      <div className="timeline__body">
        <p className="timeline__meta">
          <strong>{note.action ? t.actions[note.action] : t.noAction}</strong>{" "}
          <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time> {note.author.name ? t.by(note.author.name) : null}
          {note.status ? (
            <span className="timeline__status">
              <span className="swatch" style={{ backgroundColor: note.status.color }} aria-hidden="true" />
              {note.status.name}
            </span>
          ) : null}
        </p>
        {editor ? (
          <NoteEditForm initialValues={editor.values} initialErrors={editor.errors} onSubmit={(values) => void save(values)} onCancel={() => setEditor(null)} />
        ) : (
          <>
            <p className="timeline__comment">{note.comment}</p>
            {note.scheduledDate ? (
              <p className="timeline__scheduled">
                <time dateTime={note.scheduledDate}>{t.scheduledFor(format.dateTime(note.scheduledDate))}</time>
              </p>
            ) : null}
          </>
        )}
      </div>
      {note.canEdit && !pending && onUpdate && !editor ? (
        <button type="button" className="timeline__edit" aria-label={t.edit} onClick={() => setEditor({ values: noteValuesOf(note) })}>
          ✏️
        </button>
      ) : null}
      {note.canEdit && onRemove ? (
        <button type="button" className="timeline__remove" aria-label={t.remove} onClick={() => onRemove(note)}>
          🗑
        </button>
      ) : null}
    </li>
  );
}
