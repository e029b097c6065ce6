import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import {
  AccountContactsDocument,
  AddContactDocument,
  RemoveContactDocument,
  UpdateContactDocument,
  type AddContactInput,
  type RemoveContactMutation,
  type UpdateContactInput,
} from "../../../__generated__/graphql";
import { addToAccountList, removeChildOptions } from "../childCache";
import type { AccountKey } from "../notes/useAddNote";

/** The account's extra contacts. */
export function useAccountContacts(accountId: string) {
  const { data, loading, error } = useQuery(AccountContactsDocument, { variables: { id: accountId } });
  return { contacts: data?.account.contacts ?? [], loading: loading && !data, error } as const;
}

/** Adds a contact and appends it to the account's cached list. */
export function useAddContact(account: AccountKey) {
  const [mutate] = useMutation(AddContactDocument);
  return useCallback(
    async (input: Omit<AddContactInput, "accountId">) => {
      await mutate({
        variables: { input: { ...input, accountId: account.id } },
        update(cache, { data }) {
          if (data?.addContact) {
            addToAccountList(cache, account, "contacts", { __typename: "Contact", id: data.addContact.id });
          }
        },
      });
    },
    [account, mutate],
  );
}

/** Saves a contact; the normalised cache entry updates every list that shows it. */
export function useUpdateContact() {
  const [mutate] = useMutation(UpdateContactDocument);
  return useCallback(
    async (input: UpdateContactInput) => {
      await mutate({ variables: { input } });
    },
    [mutate],
  );
}

/** Removes a contact (soft delete); it disappears at once and comes back if the server refuses. */
export function useRemoveContact() {
  const [mutate] = useMutation(RemoveContactDocument);
  return useCallback(
    async (id: string) => {
      await mutate({
        variables: { input: { id } },
        ...removeChildOptions<RemoveContactMutation>("removeContact", "Contact", id),
      });
    },
    [mutate],
  );
}
