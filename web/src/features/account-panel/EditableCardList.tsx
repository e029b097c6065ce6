import { useState, type ReactNode } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useToast } from "../../components/Toast";
import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";

interface EditableCardListProps<T extends { readonly id: string }> {
  readonly label: string;
  readonly items: readonly T[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly emptyText: string;
  readonly addLabel: string;
  /** The card's read-only content. */
  readonly renderCard: (item: T) => ReactNode;
  /** The add (item null) or edit form; it calls `onDone` when saved or cancelled. */
  readonly renderForm: (item: T | null, onDone: () => void) => ReactNode;
  readonly editLabel: (item: T) => string;
  readonly removeLabel: (item: T) => string;
  readonly confirmRemove: (item: T) => string;
  readonly removedText: string;
  readonly onRemove: (item: T) => Promise<unknown>;
}

/**
 * A panel tab's list of child records (contacts, locations): loading/empty states, one card per
 * item with Edit and Remove (after a confirmation dialog), one form open at a time (an item's or
 * the new one's), results as toasts.
 */
export function EditableCardList<T extends { readonly id: string }>(props: EditableCardListProps<T>) {
  const { label, items, loading, error, emptyText, addLabel, renderCard, renderForm, editLabel, removeLabel, confirmRemove } = props;
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  // "new" while adding, an item id while editing that one.
  const [editing, setEditing] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<T | null>(null);
  const done = () => setEditing(null);

  function remove(item: T) {
    setToRemove(null);
    props.onRemove(item).then(
      () => toast.success(props.removedText),
      (reason: unknown) => toast.error(toMessage(reason)),
    );
  }

  return (
    <section aria-label={label}>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading ? <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} /> : null}
      {!loading && !error && items.length === 0 ? <p className="empty-state">{emptyText}</p> : null}
      <ul className="card-list">
        {items.map((item) =>
          editing === item.id ? (
            <li key={item.id}>{renderForm(item, done)}</li>
          ) : (
            <li key={item.id}>
              {renderCard(item)}
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(item.id)}>
                  {editLabel(item)}
                </button>
                <button type="button" onClick={() => setToRemove(item)}>
                  {removeLabel(item)}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === "new" ? (
        renderForm(null, done)
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {addLabel}
        </button>
      )}
      <ConfirmDialog
        open={toRemove !== null}
        title={toRemove ? confirmRemove(toRemove) : ""}
        confirmLabel={toRemove ? removeLabel(toRemove) : ""}
        danger
        onConfirm={() => (toRemove ? remove(toRemove) : undefined)}
        onCancel={() => setToRemove(null)}
      />
    </section>
  );
}
