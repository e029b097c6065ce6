import { useApolloClient, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";

import { AccountChangedDocument } from "../../../__generated__/graphql";
import { errorCodeOf } from "../../../lib/errors";
import { isRefusedSocketError, retryDelayMs } from "../../../lib/realtimeLink";
import { useMe } from "../../auth/useMe";
import { dropBoards } from "../kanban/boardCache";
import { applyAccountChange, applyCreatedAccounts, type AccountChange } from "./accountChangeCache";
import { createChangeBatcher } from "./changeBatcher";
import { createChangedCards, type ChangedCards } from "./changedCards";

/**
 * The CRM page's live updates: every change to an account the viewer can see (a colleague's move,
 * edit, new prospect, removal, note) is applied to the cache as it happens, so the Kanban, the
 * list and the side panel show it without a reload. New accounts are batched (an import is one
 * re-read, not one per row). Mounted once, by the CRM page; returns the cards changed by someone
 * else a moment ago, for the board's highlight.
 */
export function useAccountChanges(): ChangedCards {
  const { viewer } = useMe();
  const viewerId = viewer?.id ?? null;
  const client = useApolloClient();
  const [changedCards] = useState(() => createChangedCards());
  const [created] = useState(() => createChangeBatcher<AccountChange>((changes) => applyCreatedAccounts(client.cache, changes)));
  // Filtered boards that cannot tell whether a colleague's move concerns them: read again, once per burst.
  const [unsureBoards] = useState(() => createChangeBatcher<true>(() => dropBoards(client.cache, { keepUnfiltered: true })));
  const failures = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const { restart } = useSubscription(AccountChangedDocument, {
    skip: viewerId === null,
    // The events are applied by hand below (the cache's state before each one decides what moves);
    // nothing is written for the subscription itself, and the page does not re-render per event.
    fetchPolicy: "no-cache",
    ignoreResults: true,
    onData: ({ data }) => {
      failures.current = 0;
      const change = data.data?.accountChanged;
      if (!change) {
        return;
      }
      if (change.kind === "CREATED" && !change.leftScope) {
        created.add(change);
        return;
      }
      // A change to an account whose creation still waits in the batch: the creation lands first, or
      // the change would count it in a column it was never counted in.
      created.flushIf((waiting) => waiting.accountId === change.accountId);
      const applied = applyAccountChange(client.cache, change);
      if (applied.boardsUnsure) {
        unsureBoards.add(true);
      }
      if (applied.cardChanged && change.actor?.id !== viewerId) {
        changedCards.mark(change.accountId);
      }
    },
    onError: (error) => {
      // A refused session is the login page's business (the next query sends the user there);
      // anything else (the server failed the subscription) is tried again, less and less often.
      if (errorCodeOf(error) === "UNAUTHENTICATED" || isRefusedSocketError(error)) {
        return;
      }
      failures.current += 1;
      retry.current = setTimeout(restart, retryDelayMs(failures.current - 1));
    },
  });

  useEffect(
    () => () => {
      clearTimeout(retry.current);
      created.dispose();
      unsureBoards.dispose();
      changedCards.dispose();
    },
    [changedCards, created, unsureBoards],
  );
  return changedCards;
}
