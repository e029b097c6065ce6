import type { AccountsTable_AccountFragment } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { crmMessages } from "../messages";
import { bulkMessages } from "./bulkMessages";
import { cellText, type ListColumnKey } from "./columns";
import { downloadCsv, toCsv } from "./exportCsv";

interface BulkActionsProps {
  readonly selected: readonly AccountsTable_AccountFragment[];
  /** The visible columns in display order: what the export writes. */
  readonly columns: readonly ListColumnKey[];
  readonly headers: Readonly<Record<ListColumnKey, string>>;
  /** Called after an action that changes the accounts, to clear the selection. */
  readonly onDone: () => void;
}

/** Actions on the selected rows; hidden until something is selected. */
export function BulkActions({ selected, columns, headers }: BulkActionsProps) {
  const t = useT(bulkMessages);
  const crm = useT(crmMessages);
  const { format } = useI18n();
  const toast = useToast();
  if (selected.length === 0) {
    return null;
  }

  function exportSelected() {
    const rows = selected.map((account) => columns.map((key) => cellText(key, account, format, crm)));
    const csv = toCsv(columns.map((key) => headers[key]), rows);
    downloadCsv(`accounts-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    toast.success(t.exported(format.number(selected.length)));
  }

  return (
    <div className="bulk-actions" role="toolbar" aria-label={t.label}>
      <span className="bulk-actions__count">{t.selected(format.number(selected.length))}</span>
      <button type="button" onClick={exportSelected}>
        {t.export}
      </button>
    </div>
  );
}
