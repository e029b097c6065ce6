import { useState } from "react";
import { Link } from "react-router";

import type { ImportPanel_ImportFragment } from "../../__generated__/graphql";
import { TabList, tabPanelIds } from "../../components/TabList";
import { useI18n, useT } from "../../lib/i18n";
import { ImportRowsTable, type ReportedRowState } from "./ImportRowsTable";
import { importMessages } from "./messages";

interface ImportReportProps {
  readonly csvImport: ImportPanel_ImportFragment;
  readonly onOpenAccount: (accountId: string) => void;
}

/** What the server made of the file: the commit's summary, the counts and the ignored columns. */
export function ImportCounts({ csvImport }: { csvImport: ImportPanel_ImportFragment }) {
  const t = useT(importMessages);
  const { format } = useI18n();
  const n = format.number;
  const committed = csvImport.status === "COMMITTED";
  const counts: ReadonlyArray<readonly [string, number]> = [
    [t.panel.counts.total, csvImport.totalRows],
    [t.panel.counts.valid, csvImport.validRows],
    [t.panel.counts.invalid, csvImport.invalidRows],
    [t.panel.counts.duplicate, csvImport.duplicateRows],
    ...(committed || csvImport.createdRows > 0 ? ([[t.panel.counts.created, csvImport.createdRows]] as const) : []),
  ];
  return (
    <>
      {committed ? (
        <div role="status" className="import-summary">
          <p>
            <strong>{t.summary.done(csvImport.createdRows, n(csvImport.createdRows))}</strong>{" "}
            {csvImport.totalRows > csvImport.createdRows ? t.summary.skipped(csvImport.totalRows - csvImport.createdRows, n(csvImport.totalRows - csvImport.createdRows)) : null}
          </p>
          <p>
            {/* The list filtered to this import's accounts (AccountFilter.importId); a chip there removes it. */}
            <Link to={{ search: `?${new URLSearchParams({ view: "list", fromImport: csvImport.id }).toString()}` }}>{t.summary.seeAccounts}</Link>{" "}
            <small>{t.summary.seeAccountsHint}</small>
          </p>
        </div>
      ) : null}
      <dl className="import-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {csvImport.unmappedColumns.length > 0 ? (
        <p className="import-unmapped">
          {t.panel.unmapped}{" "}
          {csvImport.unmappedColumns.map((column) => (
            <code key={column}>{column}</code>
          ))}
        </p>
      ) : null}
    </>
  );
}

/**
 * The rows with errors, the duplicates and the created prospects, one virtualized table per tab
 * (none while the validation still writes them).
 */
export function ImportRowTabs({ csvImport, onOpenAccount }: ImportReportProps) {
  const t = useT(importMessages);
  const { format } = useI18n();
  const tabs: ReadonlyArray<readonly [ReportedRowState, number]> = [
    ["INVALID", csvImport.invalidRows] as const,
    ["DUPLICATE", csvImport.duplicateRows] as const,
    ["CREATED", csvImport.createdRows] as const,
  ].filter(([state, count]) => count > 0 || (state === "CREATED" && csvImport.status === "COMMITTED"));
  const [picked, setPicked] = useState<ReportedRowState | null>(null);
  const active = tabs.find(([state]) => state === picked)?.[0] ?? tabs[0]?.[0];
  if (!active || csvImport.status === "VALIDATING") {
    return null;
  }
  return (
    <section className="import-rows-tabs">
      <TabList
        label={t.tabs.label}
        tabs={tabs.map(([state, count]) => ({ key: state, label: t.tabs[state](format.number(count)) }))}
        active={active}
        onSelect={setPicked}
        idPrefix="import"
      />
      <div role="tabpanel" {...tabPanelIds("import", active)}>
        {/* Keyed by status: a commit changes which rows are duplicates or created, so read them again. */}
        <ImportRowsTable key={`${active}-${csvImport.status}`} importId={csvImport.id} state={active} onOpenAccount={onOpenAccount} />
      </div>
    </section>
  );
}
