import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";

import {
  AccountLocationsDocument,
  AddLocationDocument,
  RemoveLocationDocument,
  UpdateLocationDocument,
  type AddLocationInput,
  type RemoveLocationMutation,
  type UpdateLocationInput,
} from "../../../__generated__/graphql";
import { addToAccountList, removeChildOptions } from "../childCache";
import type { AccountKey } from "../notes/useAddNote";

export function useAccountLocations(accountId: string) {
  const { data, loading, error } = useQuery(AccountLocationsDocument, { variables: { id: accountId } });
  return { locations: data?.account.locations ?? [], loading: loading && !data, error } as const;
}

/**
 * Adds a location. A new primary location demotes the old one on the server, so the list is
 * read again rather than guessed.
 */
export function useAddLocation(account: AccountKey) {
  const [mutate] = useMutation(AddLocationDocument);
  return useCallback(
    async (input: Omit<AddLocationInput, "accountId">) => {
      await mutate({
        variables: { input: { ...input, accountId: account.id } },
        refetchQueries: [AccountLocationsDocument],
        update(cache, { data }) {
          if (data?.addLocation) {
            addToAccountList(cache, account, "locations", { __typename: "Location", id: data.addLocation.id });
          }
        },
      });
    },
    [account, mutate],
  );
}

export function useUpdateLocation() {
  const [mutate] = useMutation(UpdateLocationDocument);
  return useCallback(
    async (input: UpdateLocationInput) => {
      await mutate({ variables: { input }, refetchQueries: [AccountLocationsDocument] });
    },
    [mutate],
  );
}

export function useRemoveLocation() {
  const [mutate] = useMutation(RemoveLocationDocument);
  return useCallback(
    async (id: string) => {
      await mutate({
        variables: { input: { id } },
        ...removeChildOptions<RemoveLocationMutation>("removeLocation", "Location", id),
      });
    },
    [mutate],
  );
}
