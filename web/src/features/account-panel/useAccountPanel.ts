import { useQuery } from "@apollo/client/react";

import { AccountPanelDocument, type AccountPanelQuery } from "../../__generated__/graphql";

export type PanelAccount = AccountPanelQuery["account"];

export interface UseAccountPanelResult {
  readonly account: PanelAccount | null;
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** Re-reads the account from the server (after a CONFLICT, to see the colleague's change). */
  readonly reload: () => Promise<void>;
}

/** The account open in the side panel: header and details (tabs fetch their own data). */
export function useAccountPanel(accountId: string): UseAccountPanelResult {
  const { data, loading, error, refetch } = useQuery(AccountPanelDocument, {
    variables: { id: accountId },
    fetchPolicy: "cache-and-network",
  });
  return {
    account: data?.account ?? null,
    loading,
    error,
    reload: async () => {
      await refetch();
    },
  };
}
