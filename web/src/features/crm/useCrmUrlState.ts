import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { readCrmUrlState, updateCrmParams, type CrmUrlPatch, type CrmUrlState } from "./crmUrlState";

export interface UseCrmUrlStateResult {
  readonly state: CrmUrlState;
  /**
   * Writes the patch into the URL. `replace` for high-frequency changes (typing a search) so the
   * back button is not flooded; filter and view changes push a history entry.
   */
  readonly update: (patch: CrmUrlPatch, options?: { replace?: boolean }) => void;
}

/** The CRM page's state, read from and written to the URL (reload and shared links show the same screen). */
export function useCrmUrlState(): UseCrmUrlStateResult {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readCrmUrlState(params), [params]);
  const update = useCallback(
    (patch: CrmUrlPatch, options: { replace?: boolean } = {}) => {
      setParams((current) => updateCrmParams(current, patch), { replace: options.replace ?? false });
    },
    [setParams],
  );
  return { state, update };
}
