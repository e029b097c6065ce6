import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";

import { CommitImportDocument, type CommitImportInput, type ImportPanel_ImportFragment } from "../../__generated__/graphql";

/**
 * Starts the commit; the server answers at once with the import COMMITTING, which the cache
 * writes over the panel's import, so the panel starts polling for the progress.
 */
export function useCommitImport(): {
  readonly commit: (input: CommitImportInput) => Promise<ImportPanel_ImportFragment>;
  readonly committing: boolean;
} {
  const [mutate, { loading }] = useMutation(CommitImportDocument);
  const commit = useCallback(
    async (input: CommitImportInput) => {
      const { data } = await mutate({ variables: { input } });
      if (!data) {
        throw new Error("commitImport returned no data");
      }
      return data.commitImport;
    },
    [mutate],
  );
  return { commit, committing: loading };
}
