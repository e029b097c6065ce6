import { useApolloClient } from "@apollo/client/react";
import { useCallback, useState } from "react";

import {
  AccountsDocument,
  BulkAssignSalesmanDocument,
  BulkMoveAccountDocument,
  BulkRemoveAccountDocument,
  type AccountsTable_AccountFragment,
} from "../../../__generated__/graphql";

type Account = AccountsTable_AccountFragment;

export type BulkAction =
  | { readonly kind: "move"; readonly followUpStatusId: number }
  | { readonly kind: "assign"; readonly salesmanId: string }
  | { readonly kind: "remove" };

export interface BulkResult {
  readonly succeeded: number;
  readonly failed: ReadonlyArray<{ readonly account: Account; readonly error: unknown }>;
}

/** Requests in flight at once: enough to be quick, few enough not to trip the server's rate limit. */
const concurrency = 4;

/**
 * Runs one action over the selected accounts (each account is its own mutation and transaction, so
 * one stale or forbidden row does not block the others), then refetches the list because the
 * changed rows may no longer match its filter.
 */
export function useBulkAccountActions() {
  const client = useApolloClient();
  const [running, setRunning] = useState(false);

  const runOne = useCallback(
    async (account: Account, action: BulkAction) => {
      const accountId = account.id;
      if (action.kind === "move") {
        await client.mutate({
          mutation: BulkMoveAccountDocument,
          variables: { input: { accountId, followUpStatusId: action.followUpStatusId, version: account.version } },
        });
      } else if (action.kind === "assign") {
        await client.mutate({
          mutation: BulkAssignSalesmanDocument,
          variables: { input: { accountId, salesmanId: action.salesmanId, version: account.version } },
        });
      } else {
        await client.mutate({ mutation: BulkRemoveAccountDocument, variables: { input: { accountId, version: account.version } } });
      }
    },
    [client],
  );

  const run = useCallback(
    async (accounts: readonly Account[], action: BulkAction): Promise<BulkResult> => {
      setRunning(true);
      const failed: { account: Account; error: unknown }[] = [];
      let succeeded = 0;
      try {
        const queue = [...accounts];
        const worker = async () => {
          for (let account = queue.shift(); account; account = queue.shift()) {
            try {
              await runOne(account, action);
              succeeded += 1;
            } catch (error) {
              failed.push({ account, error });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, accounts.length) }, worker));
        await client.refetchQueries({ include: [AccountsDocument] });
      } finally {
        setRunning(false);
      }
      return { succeeded, failed };
    },
    [client, runOne],
  );

  return { run, running } as const;
}
