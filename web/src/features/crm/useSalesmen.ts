import { useQuery } from "@apollo/client/react";

import { SalesmenDocument } from "../../__generated__/graphql";
import type { SalesmanOption } from "./FilterBar";

/** The executives one can filter by or assign to; asked only when the caller may use them. */
export function useSalesmen(enabled: boolean): readonly SalesmanOption[] {
  const { data } = useQuery(SalesmenDocument, { skip: !enabled });
  return data?.salesmen ?? [];
}
