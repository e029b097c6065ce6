import { useQuery } from "@apollo/client/react";

import { CatalogsDocument, type CatalogsQuery } from "../../__generated__/graphql";

export type Catalogs = CatalogsQuery["catalogs"];

export interface UseCatalogsResult {
  /** Null until the first answer arrives. */
  readonly catalogs: Catalogs | null;
  readonly loading: boolean;
  readonly error: Error | undefined;
}

/** The CRM's catalogs (statuses, countries, channels, …); one request per session, shared by every caller. */
export function useCatalogs(): UseCatalogsResult {
  const { data, loading, error } = useQuery(CatalogsDocument, { fetchPolicy: "cache-first" });
  return { catalogs: data?.catalogs ?? null, loading, error };
}
