import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback, useState } from "react";

import {
  AccountNotesDocument,
  BoardDocument,
  KanbanMoveAccountDocument,
  type KanbanCard_AccountFragment,
  type KanbanMoveAccountMutation,
} from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { errorCodeOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { conflictReasonOf } from "../../account-panel/actions/conflictReason";
import { moveCardInBoards } from "./boardCache";
import { kanbanMessages } from "./messages";

export interface MoveTarget {
  readonly id: number;
  readonly name: string;
  readonly color: string;
}

/**
 * The Kanban's move: the card, both columns' counts and value sums change at once (an optimistic
 * layer over the cached board), `moveAccount` writes the status and its note, and a refusal drops
 * the layer, which puts everything back. A stale or vanished account (CONFLICT, NOT_FOUND) also
 * re-reads the board, so the next try starts from the server's truth. Resolves on success;
 * rejects with the server's error for the caller to word through the one error mapping.
 */
export function useMoveCard(): (card: KanbanCard_AccountFragment, to: MoveTarget) => Promise<void> {
  const client = useApolloClient();
  const [mutate] = useMutation(KanbanMoveAccountDocument);
  return useCallback(
    async (card, to) => {
      const fromStatusId = card.followUpStatus.id;
      const now = new Date().toISOString();
      try {
        await mutate({
          variables: { input: { accountId: card.id, followUpStatusId: to.id, version: card.version } },
          // Generated types omit __typename (and split Account by subtype); the cache needs it.
          optimisticResponse: {
            moveAccount: {
              ...card,
              __typename: (card as { __typename?: string }).__typename ?? "Prospect",
              version: card.version + 1,
              updatedAt: now,
              lastActivityAt: now,
              followUpStatus: { __typename: "FollowUpStatus", id: to.id, name: to.name, color: to.color },
            } as unknown as KanbanMoveAccountMutation["moveAccount"],
          },
          update: (cache) => moveCardInBoards(cache, { card, fromStatusId, toStatusId: to.id }),
          // The side panel's timeline, when it is open, shows the status-change note.
          refetchQueries: [AccountNotesDocument],
        });
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === "CONFLICT" || code === "NOT_FOUND") {
          void client.refetchQueries({ include: [BoardDocument] });
        }
        throw error;
      }
    },
    [client, mutate],
  );
}

export interface UseBoardMoveResult {
  /** Cards whose move is on its way to the server. */
  readonly movingIds: ReadonlySet<string>;
  /** Moves a card (optimistically); a refusal is rolled back and told in a toast. */
  readonly moveCard: (card: KanbanCard_AccountFragment, to: MoveTarget) => Promise<void>;
}

/** The board's drop: the move, the cards in flight and the message when the server refuses. */
export function useBoardMove(): UseBoardMoveResult {
  const t = useT(kanbanMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const move = useMoveCard();
  const [movingIds, setMovingIds] = useState<ReadonlySet<string>>(new Set());
  const moveCard = useCallback(
    async (card: KanbanCard_AccountFragment, to: MoveTarget) => {
      setMovingIds((current) => new Set(current).add(card.id));
      try {
        await move(card, to);
      } catch (error) {
        const conflict = conflictReasonOf(error) === "ACCOUNT_REMOVED" ? t.removed : t.conflict;
        toast.error(t.moveRefused(card.companyName, toMessage(error, { CONFLICT: conflict })));
      } finally {
        setMovingIds((current) => {
          const next = new Set(current);
          next.delete(card.id);
          return next;
        });
      }
    },
    [move, t, toMessage, toast],
  );
  return { movingIds, moveCard };
}
