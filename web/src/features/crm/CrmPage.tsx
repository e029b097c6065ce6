import { useApolloClient } from "@apollo/client/react";
import { lazy, useCallback, useState } from "react";

import type { AccountOrder } from "../../__generated__/graphql";
import { LazyPart } from "../../components/LazyPart";
import { realtimeStatusOf } from "../../lib/apollo";
import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { AddProspectButton } from "../add-prospect/AddProspectButton";
import { useCan } from "../auth/useCan";
import { useCatalogs } from "../catalogs/useCatalogs";
import { ImportCsvButton } from "../imports/ImportCsvButton";
import { useImportUrl } from "../imports/useImportUrl";
import { toAccountFilter, type CrmFilters } from "./crmUrlState";
import { FilterBar } from "./FilterBar";
import { crmMessages } from "./messages";
import { ChangedCardsContext } from "./realtime/changedCards";
import { LiveIndicator } from "./realtime/LiveIndicator";
import { useAccountChanges } from "./realtime/useAccountChanges";
import { useCrmUrlState } from "./useCrmUrlState";
import { useSalesmen } from "./useSalesmen";
import { findCrmView } from "./views";
import { ViewSwitcher } from "./ViewSwitcher";

// Their own chunks, fetched when first opened: the account panel (tabs, forms, Formik and yup) and
// the import panel (report, rows table, commit form). Neither is needed for the first render.
const AccountPanel = lazy(() => import("../account-panel/AccountPanel").then((module) => ({ default: module.AccountPanel })));
const ImportPanel = lazy(() => import("../imports/ImportPanel").then((module) => ({ default: module.ImportPanel })));

/** False until `open` is first true, then true for good: a lazy panel stays mounted once loaded, so closing works as before. */
function useMountedOnce(open: boolean): boolean {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) {
    setMounted(true);
  }
  return mounted || open;
}

/**
 * The CRM page: view switcher, filter bar and the active view (only that one is mounted). Its
 * whole state is in the URL: `?view=&q=&status=…&sort=&account=`.
 */
export function CrmPage() {
  const t = useT(crmMessages);
  const common = useT(commonMessages);
  const { state, update } = useCrmUrlState();
  const canSeeAll = useCan("all-prospects");
  const { catalogs } = useCatalogs();
  const salesmen = useSalesmen(canSeeAll);
  const view = findCrmView(state.view);
  const ActiveView = view.component;
  const filter = toAccountFilter(state.search, state.filters, canSeeAll);
  const accountPanelMounted = useMountedOnce(state.accountId !== null);
  const importPanelMounted = useMountedOnce(useImportUrl().importId !== null);
  // Colleagues' changes, live, for whichever view and panel are open.
  const changedCards = useAccountChanges();
  const realtimeStatus = realtimeStatusOf(useApolloClient());

  const onSearchChange = useCallback((search: string) => update({ search }, { replace: true }), [update]);
  const onFiltersChange = useCallback((filters: CrmFilters) => update({ filters }), [update]);
  const onSortChange = useCallback((sort: AccountOrder | null) => update({ sort }, { replace: true }), [update]);
  const onOpenAccount = useCallback((accountId: string) => update({ accountId }), [update]);

  return (
    <section className={state.accountId ? "crm crm--panel-open" : "crm"}>
      <header className="crm__header">
        <h1>{t.title}</h1>
        {/* Beside the title: the first things a user reaches, with or without the side panel open. */}
        <AddProspectButton />
        <ImportCsvButton />
        <ViewSwitcher active={view} onChange={(key) => update({ view: key })} />
        <LiveIndicator status={realtimeStatus} />
      </header>
      <FilterBar
        search={state.search}
        filters={state.filters}
        catalogs={catalogs}
        canSeeAll={canSeeAll}
        salesmen={salesmen}
        onSearchChange={onSearchChange}
        onFiltersChange={onFiltersChange}
      />
      {/* Each view is its own chunk (views.ts); main.tsx starts loading the URL's one at startup. */}
      <LazyPart key={view.key} fallback={<p role="status">{common.loading}</p>}>
        <ChangedCardsContext value={changedCards}>
          <ActiveView
            filter={filter}
            sort={state.sort}
            onSortChange={onSortChange}
            openAccountId={state.accountId}
            onOpenAccount={onOpenAccount}
          />
        </ChangedCardsContext>
      </LazyPart>
      {/* Outside the view switcher: any view opens it by setting ?account=. */}
      {accountPanelMounted ? (
        <LazyPart fallback={<PanelLoading className="side-panel" />}>
          <AccountPanel />
        </LazyPart>
      ) : null}
      {/* The import in ?import= (reopened by a reload); below the account panel, which its links open. */}
      {importPanelMounted ? (
        <LazyPart fallback={<PanelLoading className="side-panel import-panel" />}>
          <ImportPanel />
        </LazyPart>
      ) : null}
    </section>
  );
}

/** A panel's frame (styles.css) while its chunk downloads: the click that opened it shows at once. */
function PanelLoading({ className }: { className: string }) {
  const common = useT(commonMessages);
  return (
    <div className={className} role="status" aria-busy="true" aria-label={common.loading}>
      <div className="skeleton skeleton--line" />
      <div className="skeleton skeleton--block" />
    </div>
  );
}
