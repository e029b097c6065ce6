import type { ApolloCache } from "@apollo/client";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { KanbanCard_AccountFragmentDoc, UpdateAccountDocument, type UpdateAccountInput } from "../../../__generated__/graphql";
import { changeCardValueInBoards } from "../../crm/kanban/boardCache";

/**
 * Saves details and follow-up data; the answer (new version included) refreshes the cached account,
 * and a changed account value moves the sums of the Kanban boards that show its card.
 */
export function useUpdateAccount() {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(UpdateAccountDocument);
  const updateAccount = useCallback(
    async (input: UpdateAccountInput) => {
      // The value a board summed is the card's, read before the answer overwrites it.
      const card = cachedCard(client.cache, String(input.accountId));
      await mutate({
        variables: { input },
        update(cache, { data }) {
          if (card && data?.updateAccount) {
            // The live echo of this save may have moved the sums already (it can beat the answer): the version tells.
            changeCardValueInBoards(cache, card.ref, card.value, data.updateAccount.followUpData?.accountValue ?? 0, data.updateAccount.version);
          }
        },
      });
    },
    [client, mutate],
  );
  return { updateAccount, loading } as const;
}

/** The account's Kanban card in the cache, whatever its type (the input carries only its global id). */
function cachedCard(cache: ApolloCache, id: string): { ref: string; value: number } | null {
  for (const typename of ["Prospect", "PartnerProspect", "Client"]) {
    const ref = cache.identify({ __typename: typename, id });
    const card = ref ? cache.readFragment({ id: ref, fragment: KanbanCard_AccountFragmentDoc, fragmentName: "KanbanCard_account" }) : null;
    if (ref && card) {
      return { ref, value: card.followUpData?.accountValue ?? 0 };
    }
  }
  return null;
}
