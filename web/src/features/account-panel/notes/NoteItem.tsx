import type { NoteAction, NoteItem_NoteFragment } from "../../../__generated__/graphql";
import { useI18n, useT } from "../../../lib/i18n";
import { notesMessages } from "./messages";

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
}

/** A note on the timeline: action icon, text, author, when, and its scheduled follow-up. */
export function NoteItem({ note, onRemove }: NoteItemProps) {
  const t = useT(notesMessages);
  const { format } = useI18n();
  const pending = note.id.startsWith("optimistic-");
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
        <p className="timeline__comment">{note.comment}</p>
        {note.scheduledDate ? (
          <p className="timeline__scheduled">
            <time dateTime={note.scheduledDate}>{t.scheduledFor(format.dateTime(note.scheduledDate))}</time>
          </p>
        ) : null}
      </div>
      {note.canEdit && onRemove ? (
        <button type="button" className="timeline__remove" aria-label={t.remove} onClick={() => onRemove(note)}>
          🗑
        </button>
      ) : null}
    </li>
  );
}
