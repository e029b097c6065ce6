import { useQuery } from "@apollo/client/react";

import { ImportFilterNameDocument } from "../../__generated__/graphql";
import { useT } from "../../lib/i18n";
import { crmMessages } from "./messages";

/** `#12` for the CsvImport global id `base64url("CsvImport:12")`; the id itself when it is not one. */
export function shortImportLabel(importId: string): string {
  try {
    const decoded = atob(importId.replace(/-/g, "+").replace(/_/g, "/"));
    const match = /^CsvImport:(\d+)$/.exec(decoded);
    if (match) {
      return `#${match[1]}`;
    }
  } catch {
    // Not base64: shown as written below.
  }
  return importId.length > 12 ? `${importId.slice(0, 12)}…` : importId;
}

interface ImportFilterChipProps {
  readonly importId: string;
  readonly onRemove: () => void;
}

/**
 * The `?fromImport=` filter as a removable chip, "From import: leads.csv". The file name comes from
 * csvImport(id); while it loads, or when the import cannot be read (someone else's, deleted, bad id),
 * the chip shows its short number instead.
 */
export function ImportFilterChip({ importId, onRemove }: ImportFilterChipProps) {
  const t = useT(crmMessages);
  const { data } = useQuery(ImportFilterNameDocument, { variables: { id: importId }, errorPolicy: "all" });
  const label = t.filters.fromImport(data?.csvImport?.filename ?? shortImportLabel(importId));
  return (
    <span className="filter-chip">
      {label}
      <button type="button" className="filter-chip__remove" aria-label={t.filters.removeFilter(label)} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
