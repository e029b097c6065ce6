import { useState } from "react";

import { ButtonModal } from "../../components/SidePanel";
import { useI18n, useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import "./imports.css";
import { importMessages } from "./messages";
import { UploadForm } from "./UploadForm";
import type { uploadCsv } from "./uploadCsv";
import { useImportUrl } from "./useImportUrl";
import { useRecentImports } from "./useRecentImports";

interface ImportCsvButtonProps {
  /** Sends the file (tests replace the XMLHttpRequest upload). */
  readonly upload?: typeof uploadCsv;
}

/**
 * "Import CSV": a modal to upload a file (then the import panel opens on it, `?import=<id>`)
 * and the latest imports, so one that is still running on the server can be reopened.
 */
export function ImportCsvButton({ upload }: ImportCsvButtonProps) {
  const t = useT(importMessages);
  const common = useT(commonMessages);
  const [open, setOpen] = useState(false);
  const importUrl = useImportUrl();
  const openPanel = (id: string) => {
    setOpen(false);
    importUrl.open(id);
  };

  return (
    <ButtonModal
      open={open}
      onOpenChange={setOpen}
      trigger={<button type="button">{t.open}</button>}
      title={t.title}
      description={t.description}
      className="import-modal"
      closeLabel={common.close}
    >
      <UploadForm upload={upload} onUploaded={(created) => openPanel(created.id)} />
      <RecentImports enabled={open} onOpen={openPanel} />
    </ButtonModal>
  );
}

function RecentImports({ enabled, onOpen }: { enabled: boolean; onOpen: (id: string) => void }) {
  const t = useT(importMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const { imports, loading, error } = useRecentImports(enabled);
  return (
    <section className="import-recent" aria-label={t.recent}>
      <h3>{t.recent}</h3>
      {error ? <p className="form-error">{toMessage(error)}</p> : null}
      {!loading && !error && imports.length === 0 ? <p className="empty-state__hint">{t.noRecent}</p> : null}
      <ul>
        {imports.map((item) => (
          <li key={item.id}>
            <button type="button" className="import-link-button" aria-label={t.openImport(item.filename)} onClick={() => onOpen(item.id)}>
              {item.filename}
            </button>
            <span className={`import-status import-status--${item.status.toLowerCase()}`}>{t.statuses[item.status]}</span>
            <small>
              {[
                format.dateTime(item.createdAt),
                t.recentRows(format.number(item.totalRows)),
                item.status === "COMMITTED" ? t.recentCreated(format.number(item.createdRows)) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
