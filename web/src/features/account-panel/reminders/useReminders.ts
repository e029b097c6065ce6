import type { Reference } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import {
  AccountRemindersDocument,
  CompleteReminderDocument,
  CreateReminderDocument,
  RemoveReminderDocument,
  type CompleteReminderMutation,
  type RemoveReminderMutation,
} from "../../../__generated__/graphql";
import { addToAccountList, removeChildOptions } from "../childCache";
import type { AccountKey } from "../notes/useAddNote";

export function useAccountReminders(accountId: string) {
  const { data, loading, error } = useQuery(AccountRemindersDocument, { variables: { id: accountId } });
  return { reminders: data?.account.reminders ?? [], loading: loading && !data, error } as const;
}

/** Adds a reminder; the list is read again because the server orders it by due date. */
export function useCreateReminder(account: AccountKey) {
  const [mutate] = useMutation(CreateReminderDocument);
  return useCallback(
    async (input: { text: string; dueAt: string }) => {
      await mutate({
        variables: { input: { ...input, accountId: account.id } },
        update(cache, { data }) {
          if (data?.createReminder) {
            // Soonest first, as the server orders them.
            addToAccountList(cache, account, "reminders", { __typename: "Reminder", id: data.createReminder.id }, (readField) => {
              const due = (item: Reference) => String(readField("dueAt", item) ?? "");
              return (a, b) => due(a).localeCompare(due(b));
            });
          }
        },
      });
    },
    [account, mutate],
  );
}

/** Ticks a reminder done (or undone) at once; rolled back if the server refuses. */
export function useCompleteReminder() {
  const [mutate] = useMutation(CompleteReminderDocument);
  return useCallback(
    async (id: string, completed: boolean) => {
      await mutate({
        variables: { input: { id, completed } },
        optimisticResponse: {
          completeReminder: { __typename: "Reminder", id, completedAt: completed ? new Date().toISOString() : null } as CompleteReminderMutation["completeReminder"],
        },
      });
    },
    [mutate],
  );
}

export function useRemoveReminder() {
  const [mutate] = useMutation(RemoveReminderDocument);
  return useCallback(
    async (id: string) => {
      await mutate({
        variables: { input: { id } },
        ...removeChildOptions<RemoveReminderMutation>("removeReminder", "Reminder", id),
      });
    },
    [mutate],
  );
}
