import { useCan } from "../auth/useCan";
import { useMe } from "../auth/useMe";
import { useSalesmen } from "../crm/useSalesmen";

export interface ExecutiveChoice {
  readonly options: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** The viewer, preselected. */
  readonly defaultId: string;
}

/**
 * The executive picker's choices for new prospects (add prospect, CSV import): only with
 * crm-edit-salesman-prospect (salesmen are asked for once `enabled`), the viewer preselected and
 * listed even if not among the salesmen; null hides the picker (the creator becomes the executive).
 */
export function useExecutiveChoice(enabled: boolean): ExecutiveChoice | null {
  const canChoose = useCan("crm-edit-salesman-prospect");
  const { viewer } = useMe();
  const salesmen = useSalesmen(canChoose && enabled);
  if (!canChoose || !viewer) {
    return null;
  }
  const options = salesmen.some((s) => s.id === viewer.id) ? salesmen : [{ id: viewer.id, name: viewer.name }, ...salesmen];
  return { options, defaultId: viewer.id };
}
