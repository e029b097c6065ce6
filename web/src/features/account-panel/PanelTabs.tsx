import type { ReactNode } from "react";

import { TabList, tabPanelIds } from "../../components/TabList";
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

  return (
    <div className="side-panel__tabs">
      <TabList
        label={t.tabsLabel}
        tabs={tabs.map((spec) => ({ key: spec.key, label: t.tabs[spec.key] }))}
        active={active.key}
        onSelect={setTab}
        idPrefix="panel"
        className="tabs"
        tabClassName={(selected) => `tabs__tab${selected ? " tabs__tab--active" : ""}`}
      />
      <div role="tabpanel" {...tabPanelIds("panel", active.key)} className="side-panel__tabpanel" tabIndex={0}>
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
