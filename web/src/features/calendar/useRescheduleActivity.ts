import type { ApolloCache } from "@apollo/client";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import {
  RescheduleNoteDocument,
  RescheduleReminderDocument,
  type RescheduleNoteMutation,
  type RescheduleReminderMutation,
} from "../../__generated__/graphql";
import { useToast } from "../../components/Toast";
import { errorCodeOf } from "../../lib/errors";
import { useI18n, useT } from "../../lib/i18n";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { conflictReasonOf } from "../account-panel/actions/conflictReason";
import { activityDate, type CalendarActivity } from "./calendarEvents";
import { calendarMessages } from "./messages";

export interface RescheduleOptions {
  /** Called when the server refuses the move (FullCalendar's `revert`, putting the event back). */
  readonly onRollback?: () => void;
}

/**
 * The Activity's own date in the cache (normalised by its note's or reminder's id); the mutation's
 * answer updates the Note's scheduledDate or the Reminder's dueAt, which the event reads first.
 */
function writeActivityDate(cache: ApolloCache, activityId: string, date: string): void {
  const id = cache.identify({ __typename: "Activity", id: activityId });
  if (id) {
    cache.modify({ id, fields: { date: () => date } });
  }
}

/**
 * Moves a calendar activity to another date: a note's scheduledDate (updateNote) or a reminder's
 * dueAt (updateReminder). Optimistic: the event moves at once and Apollo drops the optimistic
 * date if the server refuses; then `onRollback` runs and a toast says why (FORBIDDEN, NOT_FOUND and
 * a removed account in the calendar's words, anything else through the app's one error mapping). A
 * move that lands shows a toast whose Undo moves the activity back to where it was.
 */
export function useRescheduleActivity() {
  const client = useApolloClient();
  const [mutateNote] = useMutation(RescheduleNoteDocument);
  const [mutateReminder] = useMutation(RescheduleReminderDocument);
  const toast = useToast();
  const t = useT(calendarMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();

  const send = useCallback(
    async (activity: CalendarActivity, date: string) => {
      const update = (cache: ApolloCache) => writeActivityDate(cache, activity.id, date);
      if (activity.kind === "REMINDER") {
        const id = activity.reminder?.id ?? activity.id;
        await mutateReminder({
          variables: { input: { id, dueAt: date } },
          optimisticResponse: { updateReminder: { __typename: "Reminder", id, dueAt: date } as RescheduleReminderMutation["updateReminder"] },
          update,
        });
        return;
      }
      const id = activity.note?.id ?? activity.id;
      await mutateNote({
        variables: { input: { id, scheduledDate: date } },
        optimisticResponse: { updateNote: { __typename: "Note", id, scheduledDate: date } as RescheduleNoteMutation["updateNote"] },
        update,
      });
    },
    [mutateNote, mutateReminder],
  );

  /**
   * The reason a refused move shows. A NOT_FOUND item is gone and a removed account's items are
   * no longer movable: the visible range is read again in both cases.
   */
  const refusal = useCallback(
    (error: unknown) => {
      const removed = conflictReasonOf(error) === "ACCOUNT_REMOVED";
      if (removed || errorCodeOf(error) === "NOT_FOUND") {
        void client.refetchQueries({ include: ["CalendarActivities"] });
      }
      return toMessage(error, { FORBIDDEN: t.forbidden, NOT_FOUND: t.notFound, ...(removed ? { CONFLICT: t.accountRemoved } : {}) });
    },
    [client, t, toMessage],
  );

  const undo = useCallback(
    async (activity: CalendarActivity, previous: string) => {
      try {
        await send(activity, previous);
      } catch (error) {
        toast.error(t.undoRefused(refusal(error)));
        return;
      }
      toast.info(t.restored(format.dateTime(previous)));
    },
    [format, refusal, send, t, toast],
  );

  /** Moves the activity to `to`; resolves true when the server accepted it. */
  const reschedule = useCallback(
    async (activity: CalendarActivity, to: Date, options: RescheduleOptions = {}): Promise<boolean> => {
      const previous = activityDate(activity) ?? activity.date;
      const next = to.toISOString();
      if (next === new Date(previous).toISOString()) {
        return true;
      }
      try {
        await send(activity, next);
      } catch (error) {
        options.onRollback?.();
        toast.error(t.refused(refusal(error)));
        return false;
      }
      toast.success(t.rescheduled(format.dateTime(next)), {
        action: { label: t.undo, onClick: () => void undo(activity, previous) },
      });
      return true;
    },
    [format, refusal, send, t, toast, undo],
  );

  return { reschedule } as const;
}
