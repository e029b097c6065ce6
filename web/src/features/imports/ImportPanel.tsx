import { useState } from "react";

import { PanelTitleBar, SidePanel } from "../../components/SidePanel";
import { errorCodeOf } from "../../lib/errors";
import { useI18n, useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { usePanelUrl } from "../account-panel/usePanelUrl";
import { useExecutiveChoice } from "../add-prospect/useExecutiveChoice";
import { useCatalogs } from "../catalogs/useCatalogs";
import { CommitForm } from "./CommitForm";
import { ImportCounts, ImportRowTabs } from "./ImportReport";
import "./imports.css";
import { importMessages } from "./messages";
import { useCommitImport } from "./useCommitImport";
import { importPollMs, isRunning, useCsvImport } from "./useCsvImport";
import { useImportUrl } from "./useImportUrl";

interface ImportPanelProps {
  /** How often a running import is polled (tests shorten it). */
  readonly pollMs?: number;
}

/**
 * The off-canvas panel of the import in `?import=<id>`: progress while the server validates or
 * commits, the report, the choices and the summary. Mount it once on the CRM page. Non-modal and
 * below the account side panel, so a duplicate's account opens over it and closing that returns
 * here; the URL keeps the import, so a reload or coming back later shows where it stands.
 */
export function ImportPanel({ pollMs = importPollMs }: ImportPanelProps) {
  const { importId, close } = useImportUrl();
  const [lastImportId, setLastImportId] = useState(importId);
  if (importId !== null && importId !== lastImportId) {
    setLastImportId(importId);
  }
  return (
    <>
      <SidePanel open={importId !== null} onClose={close} className="side-panel import-panel">
        {importId ? <ImportPanelBody key={importId} importId={importId} pollMs={pollMs} /> : null}
      </SidePanel>
      {importId === null && lastImportId !== null ? <CommitFollower key={lastImportId} importId={lastImportId} pollMs={pollMs} /> : null}
    </>
  );
}

/**
 * The panel was closed: a commit still running is followed without it (polled until it ends), so
 * the account lists and boards still drop their cache when the new prospects exist. A settled
 * import is read from the cache and not polled.
 */
function CommitFollower({ importId, pollMs }: { importId: string; pollMs: number }) {
  useCsvImport(importId, pollMs);
  return null;
}

function ImportPanelBody({ importId, pollMs }: { importId: string; pollMs: number }) {
  const t = useT(importMessages);
  const common = useT(commonMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const panel = usePanelUrl();
  const { csvImport, error, refetch } = useCsvImport(importId, pollMs);
  const { catalogs } = useCatalogs();
  const validated = csvImport?.status === "VALIDATED";
  const executives = useExecutiveChoice(validated);
  const { commit } = useCommitImport();

  if (!csvImport) {
    const notFound = error !== undefined && errorCodeOf(error) === "NOT_FOUND";
    return (
      <>
        <PanelTitleBar title={t.panel.title} closeLabel={t.close} />
        {error ? (
          <p role="alert" className="form-error">
            {notFound ? t.panel.notFound : toMessage(error)}{" "}
            {notFound ? null : (
              <button type="button" onClick={refetch}>
                {common.retry}
              </button>
            )}
          </p>
        ) : (
          <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} />
        )}
      </>
    );
  }

  const running = isRunning(csvImport.status);
  return (
    <>
      <PanelTitleBar title={t.panel.title} closeLabel={t.close} />
      <p className="side-panel__subtitle">
        <strong>{csvImport.filename}</strong> ·{" "}
        {csvImport.user ? t.panel.uploadedBy(csvImport.user.name, format.dateTime(csvImport.createdAt)) : t.panel.uploadedAt(format.dateTime(csvImport.createdAt))}
      </p>
      <p>
        <span role="status" className={`import-status import-status--${csvImport.status.toLowerCase()}`}>
          {t.statuses[csvImport.status]}
        </span>
      </p>
      {running ? <RunningProgress csvImport={csvImport} /> : null}
      {csvImport.status === "FAILED" ? (
        <div role="alert" className="import-refusal">
          <strong>{t.panel.failed}</strong>
          {csvImport.error ? <p>{csvImport.error}</p> : null}
        </div>
      ) : null}
      <ImportCounts csvImport={csvImport} />
      {validated && catalogs ? (
        csvImport.validRows + csvImport.duplicateRows > 0 ? (
          <CommitForm csvImport={csvImport} statuses={catalogs.followUpStatuses} executives={executives} commit={commit} />
        ) : (
          <p className="import-notice">{t.panel.nothingToImport}</p>
        )
      ) : null}
      <ImportRowTabs csvImport={csvImport} onOpenAccount={panel.open} />
    </>
  );
}

function RunningProgress({ csvImport }: { csvImport: { status: string; processedRows: number; totalRows: number } }) {
  const t = useT(importMessages).panel;
  const { format } = useI18n();
  const label = csvImport.status === "COMMITTING" ? t.committing : t.validating;
  return (
    <div className="import-progress">
      <progress max={Math.max(1, csvImport.totalRows)} value={csvImport.processedRows} aria-label={label} />
      <span>
        {label} {t.progress(format.number(csvImport.processedRows), format.number(csvImport.totalRows))}
      </span>
    </div>
  );
}
