import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import type { AccountKey } from "../notes/useAddNote";
import { remindersMessages } from "./messages";
import { TodoForm } from "./TodoForm";
import { useAccountReminders, useCompleteReminder, useCreateReminder, useRemoveReminder } from "./useReminders";

/** The account's reminders: tick them done, delete them, add one with the TodoForm. */
export function RemindersTab({ account }: { account: AccountKey }) {
  const t = useT(remindersMessages);
  const common = useT(commonMessages);
  const { format } = useI18n();
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { reminders, loading, error } = useAccountReminders(account.id);
  const create = useCreateReminder(account);
  const complete = useCompleteReminder();
  const remove = useRemoveReminder();
  const now = Date.now();

  return (
    <section aria-label={t.title}>
      <TodoForm create={create} />
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading ? <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} /> : null}
      {!loading && !error && reminders.length === 0 ? <p className="empty-state">{t.empty}</p> : null}
      <ul className="card-list" aria-label={t.title}>
        {reminders.map((reminder) => {
          const overdue = !reminder.completedAt && new Date(reminder.dueAt).getTime() < now;
          return (
            <li key={reminder.id} className={reminder.completedAt ? "reminder reminder--done" : "reminder"}>
              <label>
                <input
                  type="checkbox"
                  disabled={!reminder.canEdit}
                  checked={reminder.completedAt !== null}
                  aria-label={t.complete(reminder.text)}
                  onChange={(event) => {
                    complete(reminder.id, event.target.checked).catch((reason: unknown) => toast.error(toMessage(reason)));
                  }}
                />{" "}
                {reminder.text}
              </label>
              <div className="timeline__meta">
                {overdue ? <strong className="badge--danger">{t.overdue} · </strong> : null}
                {reminder.completedAt ? t.done(format.dateTime(reminder.completedAt)) : t.due(format.dateTime(reminder.dueAt))}
                {reminder.assignee ? ` ${t.assignee(reminder.assignee.name)}` : null}
              </div>
              {reminder.canEdit ? (
              <button
                type="button"
                className="timeline__remove"
                aria-label={t.remove(reminder.text)}
                onClick={() => {
                  remove(reminder.id).then(
                    () => toast.success(t.removed),
                    (reason: unknown) => toast.error(toMessage(reason)),
                  );
                }}
              >
                🗑
              </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
