import type { SalesmanOption } from "./FilterBar";

/**
 * The executives a manager can filter by. Waits for helper B's `salesmen` query; until it exists
 * the executive filter has no options.
 */
export function useSalesmen(_enabled: boolean): readonly SalesmanOption[] {
  return [];
}
