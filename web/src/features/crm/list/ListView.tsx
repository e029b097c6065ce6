import type { RowSelectionState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";

import { LoadError } from "../../../components/LoadError";
import { useI18n, useT } from "../../../lib/i18n";
import { useAccounts } from "../../accounts/useAccounts";
import { useMe } from "../../auth/useMe";
import type { CrmViewProps } from "../views";
import { AccountsTable } from "./AccountsTable";
import { BulkActions } from "./BulkActions";
import { ColumnChooser } from "./ColumnChooser";
import { ExportAllButton } from "./ExportAllButton";
import { useListColumns } from "./columns";
import { listMessages } from "./messages";
import { TableSkeleton } from "./TableSkeleton";
import { useListPreferences } from "./useListPreferences";

/** The list view: the accounts table with its column chooser, bulk actions and infinite loading. */
export function ListView({ filter, sort, onSortChange, openAccountId, onOpenAccount }: CrmViewProps) {
  const t = useT(listMessages);
  const { format } = useI18n();
  const { viewer } = useMe();
  const { preferences, setColumns, setSort, reset } = useListPreferences(viewer?.id ?? "anonymous");
  const effectiveSort = sort ?? preferences.sort;
  const { accounts, totalCount, hasNextPage, loading, loadingMore, error, loadMore, retry } = useAccounts(
    filter,
    effectiveSort ?? undefined,
  );
  const { columns, headers } = useListColumns();
  const [selection, setSelection] = useState<RowSelectionState>({});

  // A new filter or order is a new list: a selection of rows that may be gone would mislead bulk actions.
  const listKey = JSON.stringify([filter, effectiveSort]);
  useEffect(() => setSelection({}), [listKey]);

  const selected = useMemo(() => accounts.filter((account) => selection[account.id]), [accounts, selection]);
  const changeSort = useCallback(
    (next: typeof sort) => {
      onSortChange(next);
      setSort(next);
    },
    [onSortChange, setSort],
  );

  return (
    <section className="list-view" aria-label={t.tableLabel}>
      <div className="list-view__toolbar">
        <BulkActions
          selected={selected}
          columns={preferences.columns.filter((column) => column.visible).map((column) => column.key)}
          headers={headers}
          onDone={() => setSelection({})}
        />
        <ExportAllButton
          filter={filter}
          orderBy={effectiveSort ?? undefined}
          columns={preferences.columns.filter((column) => column.visible).map((column) => column.key)}
        />
        <ColumnChooser columns={preferences.columns} headers={headers} onChange={setColumns} onReset={reset} />
      </div>
      {error ? <LoadError error={error} onRetry={retry} /> : null}
      {loading && accounts.length === 0 ? (
        <TableSkeleton />
      ) : (
        <AccountsTable
          accounts={accounts}
          columns={columns}
          preferences={preferences.columns}
          onPreferencesChange={setColumns}
          sort={effectiveSort}
          onSortChange={changeSort}
          selection={selection}
          onSelectionChange={setSelection}
          openAccountId={openAccountId}
          onOpenAccount={onOpenAccount}
          hasNextPage={hasNextPage}
          onEndReached={loadMore}
          busy={loading || loadingMore}
        />
      )}
      {!loading && !error && accounts.length === 0 ? (
        <div className="empty-state">
          <p>{t.empty}</p>
          <p className="empty-state__hint">{t.emptyHint}</p>
        </div>
      ) : null}
      <footer className="list-view__footer">
        <span aria-live="polite">
          {t.shown(format.number(accounts.length), format.number(totalCount))}
          <span hidden data-testid="accounts-total">
            {totalCount}
          </span>
        </span>
        {loadingMore ? <span role="status">{t.loadingMore}</span> : null}
      </footer>
    </section>
  );
}
