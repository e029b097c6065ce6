import { useCallback } from "react";
import { useSearchParams } from "react-router";

/** The URL parameter of the open import (global id); a reload or a shared link reopens its panel. */
export const importParam = "import";

export interface ImportUrl {
  readonly importId: string | null;
  readonly open: (importId: string) => void;
  readonly close: () => void;
}

/** The import panel's state in the URL (`?import=<id>`); other parameters are kept. */
export function useImportUrl(): ImportUrl {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (importId: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (importId) {
          next.set(importParam, importId);
        } else {
          next.delete(importParam);
        }
        return next;
      }),
    [setParams],
  );
  return {
    importId: params.get(importParam) || null,
    open: useCallback((importId: string) => set(importId), [set]),
    close: useCallback(() => set(null), [set]),
  };
}
