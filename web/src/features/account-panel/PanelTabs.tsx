import { useRef, type KeyboardEvent, type ReactNode } from "react";

import { useT } from "../../lib/i18n";
import { useCan } from "../auth/useCan";
import { ContactsTab } from "./contacts/ContactsTab";
import { DetailsTab } from "./details/DetailsTab";
import { EmailTab } from "./email/EmailTab";
import { LocationsTab } from "./locations/LocationsTab";
import { RemindersTab } from "./reminders/RemindersTab";
import { panelMessages } from "./messages";
import { NotesTab } from "./notes/NotesTab";
import { PartnerTab } from "./partner/PartnerTab";
import type { PanelAccount } from "./useAccountPanel";
import { usePanelUrl } from "./usePanelUrl";

type TabKey = keyof (typeof panelMessages)["en"]["tabs"];

interface TabSpec {
  readonly key: TabKey;
  readonly render: () => ReactNode;
}

interface PanelTabsProps {
  readonly account: PanelAccount;
  readonly reload: () => Promise<void>;
}

/**
 * The panel's sections as WAI-ARIA tabs (arrow keys, Home/End); the active one is in `?tab=` and
 * is the only one mounted, so each tab fetches its data when opened. Locations need crm-menu and
 * partner data needs crm-partners on a partner prospect: without them the tab does not exist.
 */
export function PanelTabs({ account, reload }: PanelTabsProps) {
  const t = useT(panelMessages);
  const { tab, setTab } = usePanelUrl();
  const canPartners = useCan("crm-partners");
  const tabRefs = useRef(new Map<TabKey, HTMLButtonElement>());

  const canLocations = useCan("crm-menu");
  const tabs: TabSpec[] = [
    { key: "details", render: () => <DetailsTab account={account} reload={reload} /> },
    { key: "notes", render: () => <NotesTab account={account} /> },
    { key: "contacts", render: () => <ContactsTab account={account} /> },
    { key: "reminders", render: () => <RemindersTab account={account} /> },
    { key: "email", render: () => <EmailTab account={account} /> },
  ];
  if (canLocations) {
    tabs.push({ key: "locations", render: () => <LocationsTab account={account} /> });
  }
  if (canPartners && account.type === "PARTNER_PROSPECT") {
    tabs.push({ key: "partner", render: () => <PartnerTab accountId={account.id} /> });
  }
  const active = tabs.find((spec) => spec.key === tab) ?? tabs[0];
  if (!active) {
    return null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((spec) => spec.key === active?.key);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next) {
      setTab(next.key);
      tabRefs.current.get(next.key)?.focus();
    }
  }

  return (
    <div className="side-panel__tabs">
      <div role="tablist" aria-label={t.tabsLabel} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((spec) => {
          const selected = spec.key === active.key;
          return (
            <button
              key={spec.key}
              ref={(element) => {
                if (element) {
                  tabRefs.current.set(spec.key, element);
                } else {
                  tabRefs.current.delete(spec.key);
                }
              }}
              type="button"
              role="tab"
              id={`panel-tab-${spec.key}`}
              aria-selected={selected}
              aria-controls={`panel-tabpanel-${spec.key}`}
              tabIndex={selected ? 0 : -1}
              className={`tabs__tab${selected ? " tabs__tab--active" : ""}`}
              onClick={() => setTab(spec.key)}
            >
              {t.tabs[spec.key]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`panel-tabpanel-${active.key}`} aria-labelledby={`panel-tab-${active.key}`} className="side-panel__tabpanel" tabIndex={0}>
        {account.status === "REMOVED" ? (
          // The server refuses every write to a removed account but its restore: show it read-only
          // (a disabled fieldset disables every control inside) rather than let each save fail.
          <>
            <p className="side-panel__notice">{t.removedReadOnly}</p>
            <fieldset disabled className="side-panel__readonly">
              {active.render()}
            </fieldset>
          </>
        ) : (
          active.render()
        )}
      </div>
    </div>
  );
}
