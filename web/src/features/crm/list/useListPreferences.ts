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
  const [preferences, setPreferences] = useState<ListPreferences>(
    () => readLocalPreferences(userId) ?? defaultListPreferences,
  );

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
