import { flexRender, type Header, type Table } from "@tanstack/react-table";
import type { KeyboardEvent } from "react";

import type { AccountsTable_AccountFragment } from "../../../__generated__/graphql";
import { useT } from "../../../lib/i18n";
import { maxColumnWidth, minColumnWidth } from "./columns";
import { listMessages } from "./messages";

type Account = AccountsTable_AccountFragment;

const keyboardResizeStep = 16;

interface AccountsTableHeaderProps {
  readonly table: Table<Account>;
  /** Keyboard resizing: the new width of a column. */
  readonly onResizeBy: (columnId: string, width: number) => void;
}

/** Sticky header: sort buttons on sortable columns, a resize handle (mouse, touch and arrow keys) on each. */
export function AccountsTableHeader({ table, onResizeBy }: AccountsTableHeaderProps) {
  const t = useT(listMessages);
  return (
    <thead className="accounts-table__head">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} className="accounts-table__row">
          {group.headers.map((header) => (
            <HeaderCell key={header.id} header={header} t={t} onResizeBy={onResizeBy} />
          ))}
        </tr>
      ))}
    </thead>
  );
}

interface HeaderCellProps {
  readonly header: Header<Account, unknown>;
  readonly t: (typeof listMessages)["en"];
  readonly onResizeBy: (columnId: string, width: number) => void;
}

function HeaderCell({ header, t, onResizeBy }: HeaderCellProps) {
  const { column } = header;
  const sorted = column.getIsSorted();
  const label = flexRender(column.columnDef.header, header.getContext());
  const name = typeof column.columnDef.header === "string" ? column.columnDef.header : column.id;

  function handleResizeKey(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" ? keyboardResizeStep : event.key === "ArrowLeft" ? -keyboardResizeStep : 0;
    if (step === 0) {
      return;
    }
    event.preventDefault();
    onResizeBy(column.id, Math.min(maxColumnWidth, Math.max(minColumnWidth, column.getSize() + step)));
  }

  return (
    <th
      scope="col"
      className="accounts-table__cell accounts-table__header"
      style={{ width: header.getSize() }}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
    >
      {column.getCanSort() ? (
        <button type="button" className="accounts-table__sort" onClick={column.getToggleSortingHandler()}>
          {label}
          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
          {sorted ? <span className="visually-hidden">, {sorted === "asc" ? t.sortAscending : t.sortDescending}</span> : null}
        </button>
      ) : (
        label
      )}
      {column.getCanResize() ? (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t.resizeColumn(name)}
          aria-valuenow={column.getSize()}
          aria-valuemin={minColumnWidth}
          aria-valuemax={maxColumnWidth}
          tabIndex={0}
          className={column.getIsResizing() ? "accounts-table__resizer accounts-table__resizer--active" : "accounts-table__resizer"}
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={handleResizeKey}
        />
      ) : null}
    </th>
  );
}
