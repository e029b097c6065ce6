import type { AccountFilter, AccountOrder } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { exportMessages } from "./exportMessages";
import { useExportAccounts } from "./useExportAccounts";

interface ExportAllButtonProps {
  readonly filter: AccountFilter | undefined;
  readonly orderBy: AccountOrder | undefined;
  /** The visible columns in display order: what the file holds. */
  readonly columns: readonly string[];
}

/** Exports every account of the current list (filter and order), not only the loaded or selected rows. */
export function ExportAllButton({ filter, orderBy, columns }: ExportAllButtonProps) {
  const t = useT(exportMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { exportAll, exporting } = useExportAccounts();
  return (
    <button
      type="button"
      disabled={exporting}
      onClick={() => {
        exportAll(filter, orderBy, columns).then(
          () => toast.success(t.started),
          (error: unknown) => toast.error(toMessage(error)),
        );
      }}
    >
      {exporting ? t.exporting : t.exportAll}
    </button>
  );
}
