import type { PanelHeader_AccountFragment } from "../../__generated__/graphql";
import { useT } from "../../lib/i18n";
import { kanbanMessages } from "../crm/kanban/messages";

type Sync = NonNullable<PanelHeader_AccountFragment["respondioSync"]>;

/**
 * Where the account's Respond.io lead sync stands, as a fact of the panel header; a failure or a
 * skip says why (the card on the board only has room for the state). Nothing for accounts without
 * a sync job (clients, accounts created before the sync existed).
 */
export function RespondioSyncFact({ sync }: { sync: Sync | null | undefined }) {
  const t = useT(kanbanMessages).sync;
  if (!sync) {
    return null;
  }
  const reason = sync.status === "FAILED" || sync.status === "SKIPPED" ? sync.lastError : null;
  return (
    <li className={`badge sync-badge sync-badge--${sync.status.toLowerCase()}`}>
      {t.label}: {t[sync.status]}
      {reason ? ` — ${reason}` : ""}
    </li>
  );
}
