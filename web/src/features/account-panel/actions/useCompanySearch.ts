import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";

import { CompanySearchDocument } from "../../../__generated__/graphql";

export const companySearchDebounceMs = 250;
const pageSize = 10;

export interface CompanyOption {
  readonly id: string;
  readonly name: string;
  readonly taxId: string | null;
}

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Companies whose name or RFC starts with `text`, asked once typing pauses (debounced) and only
 * while `enabled`; the first ten by name, with how many match in all.
 */
export function useCompanySearch(text: string, enabled: boolean) {
  const search = useDebounced(text.trim(), companySearchDebounceMs);
  const { data, previousData, loading, error } = useQuery(CompanySearchDocument, {
    variables: { search: search || null, first: pageSize },
    skip: !enabled,
  });
  const shown = data ?? previousData;
  const companies: readonly CompanyOption[] = shown?.companies.edges.map((edge) => edge.node) ?? [];
  return { companies, totalCount: shown?.companies.totalCount ?? 0, loading: loading || search !== text.trim(), error } as const;
}
