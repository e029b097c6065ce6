import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";

import { CsvImportDocument, type CsvImportStatus, type ImportPanel_ImportFragment } from "../../__generated__/graphql";

/** How often a running import is asked for its progress. */
export const importPollMs = 1500;

/** The statuses in which the server is still working on the import (the panel polls). */
export function isRunning(status: CsvImportStatus | undefined): boolean {
  return status === "VALIDATING" || status === "COMMITTING";
}

export interface UseCsvImportResult {
  readonly csvImport: ImportPanel_ImportFragment | null;
  readonly loading: boolean;
  readonly error: Error | undefined;
  readonly refetch: () => void;
}

/**
 * One import, polled while it validates or commits and left alone once settled. When a commit
 * ends, the cached account lists and board are dropped so every view shows the new prospects.
 */
export function useCsvImport(id: string, pollMs = importPollMs): UseCsvImportResult {
  const client = useApolloClient();
  const [running, setRunning] = useState(false);
  // Polls only while the server works on the import; a settled import is asked for once.
  const { data, loading, error, refetch } = useQuery(CsvImportDocument, { variables: { id }, pollInterval: running ? pollMs : 0 });
  const csvImport = data?.csvImport ?? null;
  const status = csvImport?.status;
  if (isRunning(status) !== running) {
    setRunning(isRunning(status));
  }

  const previousStatus = useRef(status);
  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = status;
    if (status === "COMMITTED" && before === "COMMITTING") {
      client.cache.evict({ id: "ROOT_QUERY", fieldName: "accounts" });
      client.cache.evict({ id: "ROOT_QUERY", fieldName: "board" });
      client.cache.gc();
    }
  }, [client, status]);

  return {
    csvImport,
    loading,
    error,
    refetch: () => void refetch().catch(() => undefined),
  };
}
