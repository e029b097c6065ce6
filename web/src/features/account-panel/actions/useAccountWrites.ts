import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import {
  AccountPanelDocument,
  AccountsDocument,
  AssignSalesmanDocument,
  BoardDocument,
  ConvertToClientDocument,
  RemoveAccountDocument,
  RestoreAccountDocument,
} from "../../../__generated__/graphql";
import type { ConvertChoice } from "./ConvertForm";

// Lists and the Kanban filter by status and executive on the server: after these writes they are read again.
const refetchLists = [AccountsDocument, BoardDocument];

export function useAssignSalesman() {
  const [mutate] = useMutation(AssignSalesmanDocument);
  return useCallback(
    async (accountId: string, salesmanId: string, version: number) => {
      await mutate({ variables: { input: { accountId, salesmanId, version } }, refetchQueries: refetchLists });
    },
    [mutate],
  );
}

export function useRemoveAccount() {
  const [mutate] = useMutation(RemoveAccountDocument);
  return useCallback(
    async (accountId: string, version: number) => {
      await mutate({ variables: { input: { accountId, version } }, refetchQueries: refetchLists });
    },
    [mutate],
  );
}

export function useRestoreAccount() {
  const [mutate] = useMutation(RestoreAccountDocument);
  return useCallback(
    async (accountId: string) => {
      await mutate({ variables: { input: { accountId } }, refetchQueries: refetchLists });
    },
    [mutate],
  );
}

/** The account becomes a Client of an existing or a new company (another cache entry): the panel's query is read again too. */
export function useConvertToClient() {
  const [mutate] = useMutation(ConvertToClientDocument);
  return useCallback(
    async (accountId: string, version: number, choice: ConvertChoice) => {
      await mutate({
        variables: { input: { accountId, version, ...choice } },
        refetchQueries: [...refetchLists, AccountPanelDocument],
      });
    },
    [mutate],
  );
}
