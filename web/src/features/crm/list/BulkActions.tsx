import { useState } from "react";

import type { AccountsTable_AccountFragment } from "../../../__generated__/graphql";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import type { SelectOption } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useCan } from "../../auth/useCan";
import { useCatalogs } from "../../catalogs/useCatalogs";
import { crmMessages } from "../messages";
import { useSalesmen } from "../useSalesmen";
import { bulkMessages } from "./bulkMessages";
import { cellText, type ListColumnKey } from "./columns";
import { downloadCsv, toCsv } from "./exportCsv";
import { useBulkAccountActions, type BulkAction, type BulkResult } from "./useBulkAccountActions";

interface BulkActionsProps {
  readonly selected: readonly AccountsTable_AccountFragment[];
  /** The visible columns in display order: what the export writes. */
  readonly columns: readonly ListColumnKey[];
  readonly headers: Readonly<Record<ListColumnKey, string>>;
  /** Called after an action that changes the accounts, to clear the selection. */
  readonly onDone: () => void;
}

interface PickAndApplyProps {
  /** The select's name and its empty choice ("Move to…"). */
  readonly label: string;
  readonly buttonLabel: string;
  readonly options: readonly SelectOption[];
  readonly disabled: boolean;
  readonly onApply: (value: string) => void;
}

/** A select and the button applying its choice (enabled once something is picked). */
function PickAndApply({ label, buttonLabel, options, disabled, onApply }: PickAndApplyProps) {
  const [value, setValue] = useState("");
  return (
    <>
      <select aria-label={label} value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="">{label}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={disabled || value === ""} onClick={() => onApply(value)}>
        {buttonLabel}
      </button>
    </>
  );
}

/** Actions on the selected rows (move, assign when permitted, remove, export); hidden until something is selected. */
export function BulkActions({ selected, columns, headers, onDone }: BulkActionsProps) {
  const t = useT(bulkMessages);
  const crm = useT(crmMessages);
  const { format } = useI18n();
  const toast = useToast();
  const toMessage = useErrorMessage();
  const canAssign = useCan("crm-edit-salesman-prospect");
  const { catalogs } = useCatalogs();
  const salesmen = useSalesmen(canAssign);
  const { run, running } = useBulkAccountActions();
  const [confirmRemove, setConfirmRemove] = useState(false);
  if (selected.length === 0) {
    return null;
  }
  const count = format.number(selected.length);

  type Done = (n: number, count: string) => string;

  function report(result: BulkResult, done: Done) {
    if (result.succeeded > 0) {
      toast.success(done(result.succeeded, format.number(result.succeeded)));
    }
    const [first] = result.failed;
    if (first) {
      toast.error(t.failed(result.failed.length, format.number(result.failed.length), toMessage(first.error)));
    }
    onDone();
  }

  async function apply(action: BulkAction, done: Done) {
    report(await run(selected, action), done);
  }

  function exportSelected() {
    const rows = selected.map((account) => columns.map((key) => cellText(key, account, format, crm)));
    downloadCsv(`accounts-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(columns.map((key) => headers[key]), rows));
    toast.success(t.exported(selected.length, count));
  }

  return (
    <div className="bulk-actions" role="toolbar" aria-label={t.label} aria-busy={running}>
      <span className="bulk-actions__count">{t.selected(count)}</span>
      <PickAndApply
        label={t.moveTo}
        buttonLabel={t.move}
        options={(catalogs?.followUpStatuses ?? []).map((status) => ({ value: String(status.id), label: status.name }))}
        disabled={running}
        onApply={(statusId) => void apply({ kind: "move", followUpStatusId: Number(statusId) }, t.moved)}
      />
      {canAssign ? (
        <PickAndApply
          label={t.assignTo}
          buttonLabel={t.assign}
          options={salesmen.map((salesman) => ({ value: salesman.id, label: salesman.name }))}
          disabled={running}
          onApply={(salesmanId) => void apply({ kind: "assign", salesmanId }, t.assigned)}
        />
      ) : null}
      <button type="button" disabled={running} onClick={() => setConfirmRemove(true)}>
        {t.remove}
      </button>
      <button type="button" onClick={exportSelected}>
        {t.export}
      </button>
      <ConfirmDialog
        open={confirmRemove}
        title={t.removeTitle(selected.length, count)}
        confirmLabel={t.remove}
        danger
        busy={running}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void apply({ kind: "remove" }, t.removed);
        }}
      >
        <p>{t.removeBody}</p>
      </ConfirmDialog>
    </div>
  );
}
