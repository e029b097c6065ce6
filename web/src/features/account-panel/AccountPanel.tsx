import * as Dialog from "@radix-ui/react-dialog";
import { useRef } from "react";

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
  const contentRef = useRef<HTMLDivElement>(null);
  return (
    <Dialog.Root
      modal={false}
      open={accountId !== null}
      onOpenChange={(open) => {
        if (!open) {
          close();
        }
      }}
    >
      <Dialog.Portal>
        <Dialog.Content
          className="side-panel"
          aria-describedby={undefined}
          // Outside clicks are the list (opening another account) or toasts: they must not close the panel.
          onInteractOutside={(event) => event.preventDefault()}
          // Radix hears Escape on the whole document; pressed in the page beside the panel (closing a
          // filter menu or the column chooser) it belongs to that control, not to the panel.
          onEscapeKeyDown={(event) => {
            const target = event.target;
            if (target instanceof Node && target !== document.body && !contentRef.current?.contains(target)) {
              event.preventDefault();
            }
          }}
          ref={contentRef}
        >
          {accountId ? <AccountPanelBody key={accountId} accountId={accountId} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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
        <PanelTitleBar title={notFound ? t.notFound : toMessage(error)} />
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
      <PanelTitleBar title={t.loadingAccount} />
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--line skeleton--short" />
      <div className="skeleton skeleton--block" />
    </div>
  );
}

/** The title and close button when there is no account to show. */
function PanelTitleBar({ title }: { title: string }) {
  const t = useT(panelMessages);
  return (
    <div className="side-panel__titlebar">
      <Dialog.Title className="side-panel__title">{title}</Dialog.Title>
      <Dialog.Close className="side-panel__close" aria-label={t.close}>
        ×
      </Dialog.Close>
    </div>
  );
}
