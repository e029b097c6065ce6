import * as Dialog from "@radix-ui/react-dialog";

import type { PanelHeader_AccountFragment } from "../../__generated__/graphql";
import { useI18n, useT } from "../../lib/i18n";
import { accountsMessages } from "../accounts/messages";
import { useCan } from "../auth/useCan";
import { AccountActions } from "./actions/AccountActions";
import { SalesmanAssign } from "./actions/SalesmanAssign";
import { StatusSelect } from "./actions/StatusSelect";
import { panelMessages } from "./messages";
import { RespondioSyncFact } from "./RespondioSyncFact";

/** Who and where the account is: name, company, status, type, executive, dates, lead sync; the panel's title. */
export function PanelHeader({ account }: { account: PanelHeader_AccountFragment }) {
  const t = useT(panelMessages);
  const accountsT = useT(accountsMessages);
  const { format } = useI18n();
  const canAssign = useCan("crm-edit-salesman-prospect");
  return (
    <header className="side-panel__header">
      <div className="side-panel__titlebar">
        <div>
          <Dialog.Title className="side-panel__title">{account.name}</Dialog.Title>
          <p className="side-panel__subtitle">
            {account.companyName} · <span>{t.header.legacyId(account.legacyId)}</span>
          </p>
        </div>
        <Dialog.Close className="side-panel__close" aria-label={t.close}>
          ×
        </Dialog.Close>
      </div>
      <ul className="side-panel__facts">
        <li>
          {account.status === "REMOVED" ? (
            <>
              <span className="swatch" style={{ backgroundColor: account.followUpStatus.color }} aria-hidden="true" />
              {account.followUpStatus.name}
            </>
          ) : (
            <StatusSelect account={account} />
          )}
        </li>
        <li>{accountsT.types[account.type]}</li>
        {account.status === "REMOVED" ? <li className="badge badge--danger">{t.header.removed}</li> : null}
        <li>
          {canAssign && account.status !== "REMOVED" ? (
            <SalesmanAssign account={account} />
          ) : (
            <>
              {t.header.executive}: {account.salesman?.name ?? t.header.unassigned}
            </>
          )}
        </li>
        <li>{t.header.createdAt(format.date(account.createdAt))}</li>
        {account.lastActivityAt ? <li>{t.header.lastActivity(format.dateTime(account.lastActivityAt))}</li> : null}
        <RespondioSyncFact sync={account.respondioSync} />
      </ul>
      <AccountActions account={account} />
    </header>
  );
}
