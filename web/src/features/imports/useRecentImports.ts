import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";

import { CsvImportsDocument, type ImportPanel_ImportFragment } from "../../__generated__/graphql";

/** How many of the latest imports the upload modal lists. */
export const recentImportsCount = 5;

/** The viewer's latest imports, asked each time the modal opens (imports change on the server). */
export function useRecentImports(enabled: boolean): { readonly imports: readonly ImportPanel_ImportFragment[]; readonly loading: boolean; readonly error: Error | undefined } {
  const { data, loading, error } = useQuery(CsvImportsDocument, {
    variables: { first: recentImportsCount },
    skip: !enabled,
    fetchPolicy: "cache-and-network",
  });
  const edges = data?.csvImports.edges;
  const imports = useMemo(() => edges?.map((edge) => edge.node) ?? [], [edges]);
  return { imports, loading, error };
}
