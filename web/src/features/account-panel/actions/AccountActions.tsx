import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";

import { AccountPanelDocument, type PanelHeader_AccountFragment } from "../../../__generated__/graphql";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useToast } from "../../../components/Toast";
import { errorCodeOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { panelMessages } from "../messages";
import { conflictReasonOf } from "./conflictReason";
import { ConvertForm } from "./ConvertForm";
import { actionsMessages } from "./messages";
import { useConvertToClient, useRemoveAccount, useRestoreAccount } from "./useAccountWrites";

/** Convert to client, remove and restore; a stale version is reported as "changed by someone else". */
export function AccountActions({ account }: { account: PanelHeader_AccountFragment }) {
  const t = useT(actionsMessages);
  const panelT = useT(panelMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const removeAccount = useRemoveAccount();
  const restoreAccount = useRestoreAccount();
  const convertToClient = useConvertToClient();
  const [converting, setConverting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const client = useApolloClient();
  const removed = account.status === "REMOVED";

  /** CONFLICT in words by its reason: already a client, removed, or a stale version. */
  const describe = (reason: unknown) => {
    if (errorCodeOf(reason) !== "CONFLICT") {
      return toMessage(reason);
    }
    const why = conflictReasonOf(reason);
    return why === "ALREADY_CLIENT" ? t.alreadyClient : why === "ACCOUNT_REMOVED" ? t.accountRemoved : panelT.details.conflict;
  };

  const run = (action: () => Promise<void>, success: string) => {
    setBusy(true);
    action()
      .then(() => toast.success(success))
      .catch((reason: unknown) => toast.error(describe(reason)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="side-panel__actions" role="group" aria-label={t.label}>
      {!removed && account.type !== "CLIENT" ? (
        <button type="button" disabled={busy} aria-expanded={converting} onClick={() => setConverting(!converting)}>
          {t.convert}
        </button>
      ) : null}
      {removed ? (
        <button type="button" disabled={busy} onClick={() => run(() => restoreAccount(account.id), t.restored)}>
          {t.restore}
        </button>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => setConfirmingRemoval(true)}
        >
          {t.remove}
        </button>
      )}
      {converting ? (
        <ConvertForm
          defaultName={account.companyName}
          cancelLabel={common.cancel}
          onSubmit={async (choice) => {
            setConflict(null);
            await convertToClient(account.id, account.version, choice);
            setConverting(false);
            toast.success(t.converted);
          }}
          onError={(reason) => (errorCodeOf(reason) === "CONFLICT" ? setConflict(describe(reason)) : toast.error(describe(reason)))}
          onCancel={() => {
            setConflict(null);
            setConverting(false);
          }}
        />
      ) : null}
      {conflict ? (
        <div role="alert" className="form-error form-error--conflict">
          <p>{conflict}</p>
          <button
            type="button"
            onClick={() => {
              void client.refetchQueries({ include: [AccountPanelDocument] }).then(() => {
                setConflict(null);
                setConverting(false);
              });
            }}
          >
            {panelT.details.reload}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmingRemoval}
        title={t.confirmRemove(account.name)}
        confirmLabel={t.remove}
        danger
        onConfirm={() => {
          setConfirmingRemoval(false);
          run(() => removeAccount(account.id, account.version), t.removed);
        }}
        onCancel={() => setConfirmingRemoval(false)}
      />
    </div>
  );
}
