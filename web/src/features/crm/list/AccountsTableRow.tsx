import { flexRender, type Row } from "@tanstack/react-table";

import type { AccountsTable_AccountFragment } from "../../../__generated__/graphql";

type Account = AccountsTable_AccountFragment;

interface AccountsTableRowProps {
  readonly row: Row<Account>;
  readonly index: number;
  /** Pixels from the top of the body (the virtualizer's offset). */
  readonly start: number;
  /** The one row in the tab order (roving tabindex). */
  readonly focusable: boolean;
  /** This account is open in the side panel. */
  readonly open: boolean;
  readonly onOpen: (accountId: string) => void;
  readonly onFocus: (index: number) => void;
}

/**
 * One positioned row (not memoized: selection and column state live in the table, not in `row`).
 * The name is a button so pointer and assistive-technology users can open the account. */
export function AccountsTableRow({ row, index, start, focusable, open, onOpen, onFocus }: AccountsTableRowProps) {
  const account = row.original;
  const classes = ["accounts-table__row", "accounts-table__body-row"];
  if (row.getIsSelected()) {
    classes.push("accounts-table__row--selected");
  }
  if (open) {
    classes.push("accounts-table__row--open");
  }
  return (
    <tr
      data-index={index}
      className={classes.join(" ")}
      style={{ transform: `translateY(${start}px)` }}
      tabIndex={focusable ? 0 : -1}
      aria-rowindex={index + 2}
      aria-selected={row.getIsSelected()}
      onFocus={() => onFocus(index)}
      onClick={() => onOpen(account.id)}
    >
      {row.getVisibleCells().map((cell) => {
        const key = cell.column.id;
        let content;
        if (key === "name") {
          content = (
            <button
              type="button"
              tabIndex={-1}
              className="accounts-table__open"
              onClick={(event) => {
                event.stopPropagation();
                onOpen(account.id);
              }}
            >
              {account.name}
            </button>
          );
        } else if (key === "followUpStatus") {
          content = (
            <>
              <span className="swatch" style={{ backgroundColor: account.followUpStatus.color }} aria-hidden="true" />
              <span className="accounts-table__text">{account.followUpStatus.name}</span>
            </>
          );
        } else {
          content = <span className="accounts-table__text">{flexRender(cell.column.columnDef.cell, cell.getContext())}</span>;
        }
        return (
          <td key={cell.id} className="accounts-table__cell" style={{ width: cell.column.getSize() }}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}
