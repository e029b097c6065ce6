import { useId, useState, type FormEvent } from "react";

import type { CommitImportInput, ImportPanel_ImportFragment } from "../../__generated__/graphql";
import { useI18n, useT } from "../../lib/i18n";
import { useErrorMessage } from "../../lib/useErrorMessage";
import type { ExecutiveChoice } from "../add-prospect/useExecutiveChoice";
import type { Catalogs } from "../catalogs/useCatalogs";
import { importMessages } from "./messages";

interface CommitFormProps {
  readonly csvImport: ImportPanel_ImportFragment;
  readonly statuses: Catalogs["followUpStatuses"];
  /** Null hides the executive choice (it needs crm-edit-salesman-prospect): the uploader gets them. */
  readonly executives: ExecutiveChoice | null;
  readonly commit: (input: CommitImportInput) => Promise<unknown>;
}

/**
 * The choices of a validated import and its Import button. Every choice is valid, so there is no
 * schema: the server refuses only what the form cannot offer (skipInvalid off with invalid rows,
 * another executive without the permission) and that refusal is shown as sent.
 */
export function CommitForm({ csvImport, statuses, executives, commit }: CommitFormProps) {
  const t = useT(importMessages).choices;
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const ids = { salesman: useId(), status: useId(), statusHint: useId() };
  const [skipInvalid, setSkipInvalid] = useState(true);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [salesmanId, setSalesmanId] = useState(executives?.defaultId ?? "");
  const [statusId, setStatusId] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toCreate = csvImport.validRows + (skipInvalid ? 0 : csvImport.invalidRows) + (skipDuplicates ? 0 : csvImport.duplicateRows);
  const blockedByInvalid = !skipInvalid && csvImport.invalidRows > 0;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await commit({
        id: csvImport.id,
        skipInvalid,
        skipDuplicates,
        salesmanId: executives && salesmanId !== "" ? salesmanId : null,
        followUpStatusId: statusId === "" ? null : Number(statusId),
      });
    } catch (reason) {
      setError(toMessage(reason));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="import-commit" onSubmit={(event) => void onSubmit(event)} aria-label={t.legend}>
      <fieldset>
        <legend>{t.legend}</legend>
        {csvImport.invalidRows > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} />
            {t.skipInvalid(csvImport.invalidRows, format.number(csvImport.invalidRows))}
          </label>
        ) : null}
        {blockedByInvalid ? <p className="form-error">{t.skipInvalidRequired}</p> : null}
        {csvImport.duplicateRows > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={skipDuplicates} onChange={(event) => setSkipDuplicates(event.target.checked)} />
            {t.skipDuplicates(csvImport.duplicateRows, format.number(csvImport.duplicateRows))}
          </label>
        ) : null}
        {csvImport.duplicateRows > 0 && !skipDuplicates ? <p className="form-field__hint">{t.createDuplicates}</p> : null}
        {executives ? (
          <div className="form-field">
            <label htmlFor={ids.salesman}>{t.salesman}</label>
            <select id={ids.salesman} value={salesmanId} onChange={(event) => setSalesmanId(event.target.value)}>
              {executives.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="form-field">
          <label htmlFor={ids.status}>{t.status}</label>
          <select id={ids.status} value={statusId} aria-describedby={ids.statusHint} onChange={(event) => setStatusId(event.target.value)}>
            <option value="">{statuses[0] ? `${t.firstColumn} (${statuses[0].name})` : t.firstColumn}</option>
            {statuses.map((status) => (
              <option key={status.id} value={String(status.id)}>
                {status.name}
              </option>
            ))}
          </select>
          <small id={ids.statusHint} className="form-field__hint">
            {t.statusHint}
          </small>
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions import-actions">
        <button type="submit" className="button--primary" disabled={submitting || blockedByInvalid || toCreate === 0}>
          {submitting ? t.committing : t.commit(toCreate, format.number(toCreate))}
        </button>
      </div>
    </form>
  );
}
