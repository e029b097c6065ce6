import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { ExportAccountsDocument, type AccountFilter, type AccountOrder } from "../../../__generated__/graphql";

/**
 * Asks the server for a CSV export of every account matching the list's filter and order (the
 * server streams it; the browser never holds the rows) and starts the download of its signed link.
 */
export function useExportAccounts(): {
  readonly exportAll: (filter: AccountFilter | undefined, orderBy: AccountOrder | undefined, columns: readonly string[]) => Promise<void>;
  readonly exporting: boolean;
} {
  const [mutate, { loading }] = useMutation(ExportAccountsDocument);
  const exportAll = useCallback(
    async (filter: AccountFilter | undefined, orderBy: AccountOrder | undefined, columns: readonly string[]) => {
      const { data } = await mutate({ variables: { input: { filter, orderBy, columns: columns.length > 0 ? [...columns] : null } } });
      const link = data?.exportAccounts;
      if (!link) {
        return;
      }
      const anchor = document.createElement("a");
      anchor.href = link.url;
      anchor.download = link.fileName;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    },
    [mutate],
  );
  return { exportAll, exporting: loading };
}
