import { PanelTitleBar, SidePanel } from "../../components/SidePanel";
import { errorCodeOf } from "../../lib/errors";
import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import "./accountPanel.css";
import { panelMessages } from "./messages";
import { PanelHeader } from "./PanelHeader";
import { PanelTabs } from "./PanelTabs";
import { useAccountPanel } from "./useAccountPanel";
import { usePanelUrl } from "./usePanelUrl";

/**
 * The side panel for the account in `?account=<global id>`; mount it once on the page, and any
 * view opens an account by setting that parameter. A non-modal Radix Dialog: focus moves into it
 * on open and back on close, Escape closes it, and the list stays usable beside it (clicking
 * another row switches the account; toasts stay readable and clickable).
 */
export function AccountPanel() {
  const { accountId, close } = usePanelUrl();
  return (
    <SidePanel open={accountId !== null} onClose={close} className="side-panel">
      {accountId ? <AccountPanelBody key={accountId} accountId={accountId} /> : null}
    </SidePanel>
  );
}

function AccountPanelBody({ accountId }: { accountId: string }) {
  const t = useT(panelMessages);
  const common = useT(commonMessages);
  const toMessage = useErrorMessage();
  const { account, loading, error, reload } = useAccountPanel(accountId);

  if (account) {
    return (
      <>
        <PanelHeader account={account} />
        <PanelTabs account={account} reload={reload} />
      </>
    );
  }
  if (error) {
    const notFound = errorCodeOf(error) === "NOT_FOUND";
    return (
      <>
        <PanelTitleBar title={notFound ? t.notFound : toMessage(error)} closeLabel={t.close} />
        {notFound ? null : (
          <button type="button" onClick={() => void reload()}>
            {common.retry}
          </button>
        )}
      </>
    );
  }
  return (
    <div aria-busy={loading}>
      <PanelTitleBar title={t.loadingAccount} closeLabel={t.close} />
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--line skeleton--short" />
      <div className="skeleton skeleton--block" />
    </div>
  );
}
