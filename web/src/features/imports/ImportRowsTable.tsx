import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";

import type { CsvImportRowState, ImportRowsTable_RowFragment } from "../../__generated__/graphql";
import { useI18n, useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { localizeFieldMessage } from "../../lib/localizeFieldErrors";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { prospectMessages } from "../add-prospect/messages";
import { importMessages } from "./messages";
import { useImportRows } from "./useImportRows";

/** The states the report lists (valid rows are not worth a table: they are the ones to import). */
export type ReportedRowState = Extract<CsvImportRowState, "INVALID" | "DUPLICATE" | "CREATED">;

interface ImportRowsTableProps {
  readonly importId: string;
  readonly state: ReportedRowState;
  /** Opens an existing or created account in the side panel. */
  readonly onOpenAccount: (accountId: string) => void;
}

const estimatedRowHeight = 44;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const prefetchRows = 20;

/**
 * An import's rows in one state, virtualized (a 200,000-row file can have thousands of errors)
 * and paged from the server as the user scrolls. Rows vary in height (several errors), so each
 * is measured.
 */
export function ImportRowsTable({ importId, state, onOpenAccount }: ImportRowsTableProps) {
  const t = useT(importMessages).table;
  const common = useT(commonMessages);
  const toMessage = useErrorMessage();
  const { rows, hasNextPage, loading, loadingMore, error, loadMore, retry } = useImportRows(importId, state);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && rows.length > 0 && lastVisible >= rows.length - prefetchRows) {
      loadMore();
    }
  }, [hasNextPage, lastVisible, loadMore, rows.length]);

  if (loading) {
    return <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />;
  }
  if (error && rows.length === 0) {
    return (
      <p role="alert" className="form-error">
        {toMessage(error)}
      </p>
    );
  }
  if (rows.length === 0) {
    return <p className="empty-state__hint">{t.empty}</p>;
  }
  return (
    <>
      <div ref={scrollRef} className="import-rows__scroll">
        <div role="table" aria-label={t.label[state]} aria-rowcount={rows.length + 1} className="import-rows">
          <div role="rowgroup" className="import-rows__head">
            <div role="row" className="import-rows__row">
              <span role="columnheader">{t.row}</span>
              <span role="columnheader">{t.problem}</span>
              <span role="columnheader">{t.values}</span>
            </div>
          </div>
          <div role="rowgroup" className="import-rows__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              return row ? (
                <div
                  key={row.rowNumber}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="import-rows__row import-rows__body-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell" className="import-rows__number">
                    {row.rowNumber}
                  </span>
                  <span role="cell">
                    <RowProblem row={row} onOpenAccount={onOpenAccount} />
                  </span>
                  <span role="cell" className="import-rows__values">
                    {row.values
                      .map((cell) => cell.value)
                      .filter((value) => value.trim() !== "")
                      .join(" · ")}
                  </span>
                </div>
              ) : null;
            })}
          </div>
        </div>
      </div>
      {loadingMore ? <p className="empty-state__hint">{t.loadingMore}</p> : null}
      {error && rows.length > 0 ? (
        <p role="alert" className="form-error">
          {toMessage(error)}{" "}
          <button type="button" onClick={retry}>
            {common.retry}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** Why the row is in this table: its errors, what it duplicates, or the prospect it became. */
function RowProblem({ row, onOpenAccount }: { row: ImportRowsTable_RowFragment; onOpenAccount: (accountId: string) => void }) {
  const messages = useT(importMessages);
  const rules = useT(prospectMessages).rules;
  const { format } = useI18n();
  const t = messages.table;
  if (row.state === "CREATED") {
    return row.prospectId ? <AccountLink accountId={row.prospectId} label={t.openCreated} onOpen={onOpenAccount} /> : <>{t.createdHidden}</>;
  }
  const duplicate = row.duplicateOf;
  const columnName = (column: string | null) => (column ? (messages.columns[column] ?? column) : t.wholeRow);
  if (duplicate) {
    // The errors of a duplicate only name the matching columns ("same email as row 2"): said here in the user's words.
    const matched = [...new Set(row.errors.map((error) => columnName(error.column)))];
    return (
      <ul className="import-rows__problems">
        {matched.length > 0 ? (
          <li>
            <strong>{t.matchesOn}</strong> {matched.join(", ")}
          </li>
        ) : null}
        {duplicate.accountId ? (
          <li>
            <AccountLink accountId={duplicate.accountId} label={t.openAccount} onOpen={onOpenAccount} />
          </li>
        ) : null}
        {!duplicate.accountId && duplicate.accountExists ? <li>{t.hiddenAccount}</li> : null}
        {duplicate.row ? <li>{t.sameAsRow(format.number(duplicate.row))}</li> : null}
      </ul>
    );
  }
  return (
    <ul className="import-rows__problems">
      {row.errors.map((error, index) => (
        <li key={index}>
          <strong>{columnName(error.column)}:</strong> {localizeFieldMessage(error.message, rules) ?? error.message}
        </li>
      ))}
    </ul>
  );
}

function AccountLink({ accountId, label, onOpen }: { accountId: string; label: string; onOpen: (accountId: string) => void }) {
  return (
    <a
      href={`?account=${encodeURIComponent(accountId)}`}
      onClick={(event) => {
        event.preventDefault();
        onOpen(accountId);
      }}
    >
      {label}
    </a>
  );
}
