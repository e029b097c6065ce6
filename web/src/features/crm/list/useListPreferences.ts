import { useApolloClient, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";

import {
  SaveTablePreferencesDocument,
  TablePreferencesDocument,
  type AccountOrder,
} from "../../../__generated__/graphql";
import { sortFieldByColumn, type ListColumnKey } from "./columns";
import {
  defaultListPreferences,
  normalizePreferences,
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

/** Column drags and clicks come in bursts; the server gets the last state once things settle. */
const saveDelayMs = 600;

function sortKeyOf(sort: AccountOrder | null): { key: string; direction: AccountOrder["direction"] & string } | null {
  const entry = Object.entries(sortFieldByColumn).find(([, field]) => field === sort?.field);
  return entry && sort ? { key: entry[0] as ListColumnKey, direction: sort.direction ?? "DESC" } : null;
}

function fromServer(raw: { columns: unknown; sort: { key: string; direction: string } | null }): ListPreferences {
  const field = raw.sort ? sortFieldByColumn[raw.sort.key as ListColumnKey] : undefined;
  return normalizePreferences({ columns: raw.columns, sort: field && raw.sort ? { key: field, direction: raw.sort.direction } : null });
}

/**
 * The viewer's list layout (the seed's useTablePreferences): the first paint uses the localStorage
 * copy; the server's copy (shared across devices) replaces it when it arrives, unless the user
 * already changed something; every change is cached at once and saved to the server shortly after.
 */
export function useListPreferences(userId: string): UseListPreferencesResult {
  const [state, setState] = useState(() => ({ userId, preferences: readLocalPreferences(userId) ?? defaultListPreferences }));
  if (state.userId !== userId) {
    // Another user signed in on this browser: load their copy (React allows this update during render).
    setState({ userId, preferences: readLocalPreferences(userId) ?? defaultListPreferences });
  }
  const { preferences } = state;
  const changedLocally = useRef(false);
  const { data } = useQuery(TablePreferencesDocument, { variables: { view: "LIST" } });
  const client = useApolloClient();

  const server = data?.tablePreferences;
  useEffect(() => {
    if (!server || server.updatedAt === null || changedLocally.current) {
      return;
    }
    const next = fromServer(server);
    setState({ userId, preferences: next });
    writeLocalPreferences(userId, next);
  }, [server, userId]);

  const pending = useRef<ListPreferences | null>(null);
  const flush = useCallback(() => {
    const next = pending.current;
    if (!next) {
      return;
    }
    pending.current = null;
    client
      .mutate({
        mutation: SaveTablePreferencesDocument,
        variables: {
          input: {
            view: "LIST",
            columns: next.columns.map(({ key, visible, width }) => ({ key, visible, width })),
            sort: sortKeyOf(next.sort),
          },
        },
      })
      .catch(() => {
        // The local copy keeps the layout on this device; the next change tries the server again.
      });
  }, [client]);

  useEffect(() => {
    const timer = setTimeout(flush, saveDelayMs);
    return () => clearTimeout(timer);
  }, [preferences, flush]);

  // Leaving the list (another page, another view) must not lose a change still waiting for its save.
  useEffect(() => flush, [flush]);

  const commit = useCallback(
    (next: ListPreferences) => {
      changedLocally.current = true;
      pending.current = next;
      setState({ userId, preferences: next });
      writeLocalPreferences(userId, next);
    },
    [userId],
  );

  const setColumns = useCallback((columns: readonly ColumnPreference[]) => commit({ ...preferences, columns }), [commit, preferences]);
  const setSort = useCallback((sort: AccountOrder | null) => commit({ ...preferences, sort }), [commit, preferences]);
  const reset = useCallback(() => commit(defaultListPreferences), [commit]);

  return { preferences, setColumns, setSort, reset };
}
