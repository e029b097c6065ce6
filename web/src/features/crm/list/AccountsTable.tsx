import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import type { AccountOrder, AccountsTable_AccountFragment } from "../../../__generated__/graphql";
import { useT } from "../../../lib/i18n";
import { sortFieldByColumn, type ListColumnKey } from "./columns";
import { AccountsTableHeader } from "./AccountsTableHeader";
import { AccountsTableRow } from "./AccountsTableRow";
import { listMessages } from "./messages";
import type { ColumnPreference } from "./tablePreferences";

type Account = AccountsTable_AccountFragment;

export const rowHeight = 40;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const prefetchRows = 30;
const selectColumnWidth = 44;

interface AccountsTableProps {
  readonly accounts: readonly Account[];
  readonly columns: ColumnDef<Account>[];
  readonly preferences: readonly ColumnPreference[];
  /** Widths changed by dragging or the keyboard (saved once a drag ends). */
  readonly onPreferencesChange: (columns: readonly ColumnPreference[]) => void;
  readonly sort: AccountOrder | null;
  readonly onSortChange: (sort: AccountOrder | null) => void;
  readonly selection: RowSelectionState;
  readonly onSelectionChange: (selection: RowSelectionState) => void;
  readonly openAccountId: string | null;
  readonly onOpenAccount: (accountId: string) => void;
  readonly hasNextPage: boolean;
  readonly onEndReached: () => void;
  readonly busy: boolean;
}

function withWidths(columns: readonly ColumnPreference[], sizing: ColumnSizingState): ColumnPreference[] {
  return columns.map((column) => ({ ...column, width: Math.round(sizing[column.key] ?? column.width) }));
}

/**
 * The accounts grid: server-side sorting, resizable columns in the user's order, row selection and
 * virtualized rows (only the visible ones are in the DOM), so ten thousand rows scroll smoothly.
 * Keyboard: arrows/Home/End move between rows, Enter opens the account, Space selects it.
 */
export function AccountsTable(props: AccountsTableProps) {
  const { accounts, preferences, sort, selection, openAccountId, hasNextPage, onEndReached } = props;
  const t = useT(listMessages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const [focusedIndex, setFocusedIndex] = useState(0);
  const intendedIndex = useRef<number | null>(null);
  const onRowFocus = useCallback((index: number) => {
    intendedIndex.current = index;
    setFocusedIndex(index);
  }, []);

  const columnSizing = useMemo(() => {
    const fromPreferences = Object.fromEntries(preferences.map((column) => [column.key, column.width]));
    return { ...fromPreferences, ...sizing };
  }, [preferences, sizing]);

  const sorting: SortingState = useMemo(() => {
    const entry = Object.entries(sortFieldByColumn).find(([, field]) => field === sort?.field);
    return entry && sort ? [{ id: entry[0], desc: sort.direction === "DESC" }] : [];
  }, [sort]);

  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    const field = first ? sortFieldByColumn[first.id as ListColumnKey] : undefined;
    props.onSortChange(first && field ? { field, direction: first.desc ? "DESC" : "ASC" } : null);
  };

  const selectColumn = useSelectColumn(t);
  const table = useReactTable<Account>({
    data: accounts as Account[],
    columns: useMemo(() => [selectColumn, ...props.columns], [props.columns, selectColumn]),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (account) => account.id,
    manualSorting: true,
    enableSortingRemoval: true,
    sortDescFirst: false,
    columnResizeMode: "onChange",
    enableRowSelection: true,
    state: {
      sorting,
      rowSelection: selection,
      columnSizing,
      columnOrder: ["select", ...preferences.map((column) => column.key)],
      columnVisibility: Object.fromEntries(preferences.map((column) => [column.key, column.visible])),
    },
    onSortingChange,
    onRowSelectionChange: (updater) => props.onSelectionChange(typeof updater === "function" ? updater(selection) : updater),
    onColumnSizingChange: setSizing,
  });

  const resizing = table.getState().columnSizingInfo.isResizingColumn;
  const { onPreferencesChange } = props;
  useEffect(() => {
    // Persist once the drag ends, not on every mouse move.
    if (resizing === false && Object.keys(sizing).length > 0) {
      onPreferencesChange(withWidths(preferences, sizing));
      setSizing({});
    }
  }, [onPreferencesChange, preferences, resizing, sizing]);

  const rows = table.getRowModel().rows;

  // When the side panel closes and focus fell to the page, give it back to the account's row.
  const previousOpenId = useRef(openAccountId);
  useEffect(() => {
    const closedId = previousOpenId.current;
    previousOpenId.current = openAccountId;
    if (closedId === null || openAccountId !== null || document.activeElement !== document.body) {
      return;
    }
    const index = rows.findIndex((row) => row.id === closedId);
    scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus();
  }, [openAccountId, rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && rows.length > 0 && lastVisible >= rows.length - prefetchRows) {
      onEndReached();
    }
  }, [hasNextPage, lastVisible, onEndReached, rows.length]);

  function focusRow(index: number) {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    // Keys can arrive faster than focus moves: the next key starts from here, not from the event target.
    intendedIndex.current = bounded;
    setFocusedIndex(bounded);
    virtualizer.scrollToIndex(bounded);
    const rowElement = () => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${bounded}"]`);
    const mounted = rowElement();
    if (mounted) {
      mounted.focus();
      return;
    }
    // Far rows mount only after the scroll; focus on the next frame.
    requestAnimationFrame(() => rowElement()?.focus());
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    if (!target.matches("tr[data-index]")) {
      return;
    }
    const index = intendedIndex.current ?? Number(target.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const destination = moves[event.key];
    if (destination !== undefined) {
      event.preventDefault();
      focusRow(destination);
      return;
    }
    const row = rows[index];
    if (!row) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      props.onOpenAccount(row.id);
    } else if (event.key === " ") {
      event.preventDefault();
      row.toggleSelected();
    }
  }

  return (
    <div ref={scrollRef} className="accounts-table__scroll" aria-busy={props.busy}>
      <table
        className="accounts-table"
        aria-label={t.tableLabel}
        aria-rowcount={rows.length + 1}
        style={{ width: table.getTotalSize() }}
      >
        <AccountsTableHeader table={table} onResizeBy={(id, width) => onPreferencesChange(withWidths(preferences, { [id]: width }))} />
        <tbody className="accounts-table__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={handleKeyDown}>
          {virtualRows.map((virtualRow) => {
            const row = rows[virtualRow.index];
            return row ? (
              <AccountsTableRow
                key={row.id}
                row={row}
                index={virtualRow.index}
                start={virtualRow.start}
                focusable={virtualRow.index === Math.min(focusedIndex, rows.length - 1)}
                open={row.id === openAccountId}
                onOpen={props.onOpenAccount}
                onFocus={onRowFocus}
              />
            ) : null;
          })}
        </tbody>
      </table>
    </div>
  );
}

function useSelectColumn(t: (typeof listMessages)["en"]): ColumnDef<Account> {
  return useMemo(
    () => ({
      id: "select",
      size: selectColumnWidth,
      enableResizing: false,
      enableSorting: false,
      enableHiding: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t.selectAll}
          checked={table.getIsAllRowsSelected()}
          ref={(input) => {
            if (input) {
              input.indeterminate = table.getIsSomeRowsSelected();
            }
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t.selectRow(row.original.name)}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          onClick={(event) => event.stopPropagation()}
        />
      ),
    }),
    [t],
  );
}
