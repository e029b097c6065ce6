import { useMutation } from "@apollo/client/react";
import { useState } from "react";

import {
  AccountNotesDocument,
  BoardDocument,
  PanelMoveAccountDocument,
  type PanelHeader_AccountFragment,
  type PanelMoveAccountMutation,
} from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useCatalogs } from "../../catalogs/useCatalogs";
import { panelMessages } from "../messages";
import { actionsMessages } from "./messages";

/**
 * The follow-up status (Kanban column) of the account. The change shows at once (optimistic) and
 * is rolled back with a message when the server refuses; the timeline gets the status-change note.
 */
export function StatusSelect({ account }: { account: PanelHeader_AccountFragment & { __typename?: string } }) {
  const t = useT(actionsMessages);
  const panelT = useT(panelMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { catalogs } = useCatalogs();
  const [move] = useMutation(PanelMoveAccountDocument);
  const [busy, setBusy] = useState(false);
  const statuses = catalogs?.followUpStatuses ?? [account.followUpStatus];

  return (
    <span className="status-select">
      <span className="swatch" style={{ backgroundColor: account.followUpStatus.color }} aria-hidden="true" />
      <select
        aria-label={t.status}
        value={account.followUpStatus.id}
        disabled={busy}
        onChange={(event) => {
          const status = statuses.find((item) => item.id === Number(event.target.value));
          if (!status) {
            return;
          }
          setBusy(true);
          move({
            variables: { input: { accountId: account.id, followUpStatusId: status.id, version: account.version } },
            // Generated types omit __typename (and split Account by subtype); the cache needs the typename.
            optimisticResponse: {
              moveAccount: {
                ...account,
                __typename: account.__typename ?? "Prospect",
                version: account.version + 1,
                followUpStatus: { __typename: "FollowUpStatus", id: status.id, name: status.name, color: status.color },
              } as unknown as PanelMoveAccountMutation["moveAccount"],
            },
            // The Kanban (when shown) moves the card to its new column.
            refetchQueries: [AccountNotesDocument, BoardDocument],
          })
            .then(() => toast.success(t.moved(status.name)))
            .catch((reason: unknown) => toast.error(toMessage(reason, { CONFLICT: panelT.details.conflict })))
            .finally(() => setBusy(false));
        }}
      >
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>
            {status.name}
          </option>
        ))}
      </select>
    </span>
  );
}
