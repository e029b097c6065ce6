import { createContext, useContext, useSyncExternalStore } from "react";

/** How long a card changed by someone else stays highlighted (the CSS animation's length). */
export const highlightMs = 2_000;

/**
 * The cards changed by someone else a moment ago. Each card subscribes to its own id, so a change
 * re-renders that card only, not the board.
 */
export interface ChangedCards {
  readonly mark: (accountId: string) => void;
  readonly has: (accountId: string) => boolean;
  readonly subscribe: (listener: () => void) => () => void;
  readonly dispose: () => void;
}

/** A store of highlighted cards; each mark fades after `ms`. */
export function createChangedCards(ms = highlightMs): ChangedCards {
  const changed = new Map<string, ReturnType<typeof setTimeout>>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    mark(accountId) {
      clearTimeout(changed.get(accountId));
      changed.set(
        accountId,
        setTimeout(() => {
          changed.delete(accountId);
          notify();
        }, ms),
      );
      notify();
    },
    has: (accountId) => changed.has(accountId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      changed.forEach((timer) => clearTimeout(timer));
      changed.clear();
    },
  };
}

const none: ChangedCards = { mark: () => undefined, has: () => false, subscribe: () => () => undefined, dispose: () => undefined };

/** Provided by the CRM page (useAccountChanges); outside it nothing is ever highlighted. */
export const ChangedCardsContext = createContext<ChangedCards>(none);

/** Whether this card was changed by someone else a moment ago. */
export function useCardChanged(accountId: string): boolean {
  const store = useContext(ChangedCardsContext);
  return useSyncExternalStore(store.subscribe, () => store.has(accountId));
}
