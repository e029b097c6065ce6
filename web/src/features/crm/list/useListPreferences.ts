import { useCallback, useState } from "react";

import type { AccountOrder } from "../../../__generated__/graphql";
import {
  defaultListPreferences,
  readLocalPreferences,
  writeLocalPreferences,
  type ColumnPreference,
  type ListPreferences,
} from "./tablePreferences";

export interface UseListPreferencesResult {
  readonly preferences: ListPreferences;
  readonly setColumns: (columns: readonly ColumnPreference[]) => void;
  readonly setSort: (sort: AccountOrder | null) => void;
  readonly reset: () => void;
}

/**
 * The viewer's list layout. The first paint uses the localStorage copy; every change is written
 * to localStorage at once.
 */
export function useListPreferences(userId: string): UseListPreferencesResult {
  const [state, setState] = useState(() => ({ userId, preferences: readLocalPreferences(userId) ?? defaultListPreferences }));
  if (state.userId !== userId) {
    // Another user signed in on this browser: load their copy (React allows this update during render).
    setState({ userId, preferences: readLocalPreferences(userId) ?? defaultListPreferences });
  }
  const { preferences } = state;
  const setPreferences = useCallback((next: ListPreferences) => setState({ userId, preferences: next }), [userId]);

  const commit = useCallback(
    (next: ListPreferences) => {
      setPreferences(next);
      writeLocalPreferences(userId, next);
    },
    [userId],
  );

  const setColumns = useCallback(
    (columns: readonly ColumnPreference[]) => commit({ ...preferences, columns }),
    [commit, preferences],
  );
  const setSort = useCallback((sort: AccountOrder | null) => commit({ ...preferences, sort }), [commit, preferences]);
  const reset = useCallback(() => commit(defaultListPreferences), [commit]);

  return { preferences, setColumns, setSort, reset };
}
