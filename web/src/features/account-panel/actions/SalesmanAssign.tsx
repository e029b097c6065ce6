import { useState } from "react";

import type { PanelHeader_AccountFragment } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useSalesmen } from "../../crm/useSalesmen";
import { panelMessages } from "../messages";
import { actionsMessages } from "./messages";
import { useAssignSalesman } from "./useAccountWrites";

/** Executive assignment (only rendered for crm-edit-salesman-prospect): pick another salesman. */
export function SalesmanAssign({ account }: { account: PanelHeader_AccountFragment }) {
  const t = useT(actionsMessages);
  const panelT = useT(panelMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const salesmen = useSalesmen(true);
  const assign = useAssignSalesman();
  const [busy, setBusy] = useState(false);
  const options = salesmen.some((s) => s.id === account.salesman?.id) || !account.salesman ? salesmen : [account.salesman, ...salesmen];

  return (
    <label className="salesman-assign">
      {t.assign}{" "}
      <select
        value={account.salesman?.id ?? ""}
        disabled={busy}
        onChange={(event) => {
          const chosen = options.find((s) => s.id === event.target.value);
          if (!chosen) {
            return;
          }
          setBusy(true);
          assign(account.id, chosen.id, account.version)
            .then(() => toast.success(t.assigned(chosen.name)))
            .catch((reason: unknown) => toast.error(toMessage(reason, { CONFLICT: panelT.details.conflict })))
            .finally(() => setBusy(false));
        }}
      >
        {account.salesman ? null : <option value="">{panelT.header.unassigned}</option>}
        {options.map((salesman) => (
          <option key={salesman.id} value={salesman.id}>
            {salesman.name}
          </option>
        ))}
      </select>
    </label>
  );
}
