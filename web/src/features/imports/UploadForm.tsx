import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";

import { useI18n, useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { importMessages } from "./messages";
import { templateUrl, uploadCsv, UploadRefusedError, type UploadedImport } from "./uploadCsv";

type Reasons = (typeof importMessages)["en"]["reasons"];

interface Refusal {
  readonly message: string;
  /** The server's own words (they name the missing columns, the bad row, …), when they add something. */
  readonly detail: string | null;
}

interface UploadFormProps {
  /** The upload was accepted: the import validates on the server from here. */
  readonly onUploaded: (created: UploadedImport) => void;
  /** Sends the file; the default posts it to /api/imports. */
  readonly upload?: typeof uploadCsv;
}

const looksLikeCsv = (file: File) => /\.(csv|txt|tsv)$/i.test(file.name) || file.type === "text/csv";

/**
 * Pick a file (drop it on the zone or browse), upload it with a progress bar, and show why the
 * server refused it in the user's language with the server's detail.
 */
export function UploadForm({ onUploaded, upload = uploadCsv }: UploadFormProps) {
  const t = useT(importMessages);
  const { format } = useI18n();
  const toMessage = useErrorMessage();
  const common = useT(commonMessages);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  function choose(picked: File | undefined) {
    if (!picked) {
      return;
    }
    setFile(picked);
    setRefusal(looksLikeCsv(picked) ? null : { message: t.notCsv, detail: null });
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  async function send() {
    if (!file) {
      return;
    }
    setRefusal(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const created = await upload(file, {
        onProgress: (loaded, total) => setProgress(total > 0 ? Math.min(1, loaded / total) : 0),
        signal: abort.current.signal,
      });
      onUploaded(created);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") {
        return;
      }
      setRefusal(refusalOf(error, t.reasons, toMessage));
    } finally {
      setProgress(null);
    }
  }

  const uploading = progress !== null;
  const percent = format.number(Math.round((progress ?? 0) * 100));
  return (
    <div className="import-upload">
      <div
        className={dragging ? "import-dropzone import-dropzone--over" : "import-dropzone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{t.dropzone} </span>
        <button type="button" className="import-link-button" onClick={() => inputRef.current?.click()} disabled={uploading}>
          {t.browse}
        </button>
        <label htmlFor={inputId} className="visually-hidden">
          {t.fileInput}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept=".csv,text/csv,.txt,.tsv"
          className="visually-hidden"
          disabled={uploading}
          onChange={(event) => {
            choose(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        {file ? <p className="import-dropzone__file">{t.chosen(file.name, fileSize(file.size, format.number))}</p> : null}
      </div>
      <p className="import-upload__template">
        <a href={templateUrl()} download>
          {t.template}
        </a>{" "}
        <small>{t.templateHint}</small>
      </p>
      {refusal ? (
        <div role="alert" className="import-refusal">
          <strong>{refusal.message}</strong>
          {refusal.detail ? (
            <p>
              {t.details} {refusal.detail}
            </p>
          ) : null}
        </div>
      ) : null}
      {uploading ? (
        <div className="import-progress">
          <progress max={100} value={Math.round((progress ?? 0) * 100)} aria-label={t.uploadProgress} />
          <span>{t.uploading(`${percent}%`)}</span>
        </div>
      ) : null}
      <div className="form-actions import-actions">
        {uploading ? (
          <button type="button" onClick={() => abort.current?.abort()}>
            {common.cancel}
          </button>
        ) : null}
        <button type="button" className="button--primary" disabled={!file || uploading || (refusal !== null && !looksLikeCsv(file))} onClick={() => void send()}>
          {t.upload}
        </button>
      </div>
    </div>
  );
}

/** The refusal in the user's words: the reason's message (with the server's detail), else the error code's. */
function refusalOf(error: unknown, reasons: Reasons, toMessage: (error: unknown) => string): Refusal {
  if (error instanceof UploadRefusedError) {
    const reason = error.reason && error.reason in reasons ? reasons[error.reason as keyof Reasons] : null;
    if (reason) {
      return { message: reason, detail: error.serverMessage };
    }
    if (error.code === "BAD_USER_INPUT" && error.serverMessage) {
      return { message: error.serverMessage, detail: null };
    }
    return { message: toMessage(errorWithCode(error.code)), detail: null };
  }
  return { message: toMessage(error), detail: null };
}

/** A GraphQL-shaped error for lib/errors, the one place codes become words. */
function errorWithCode(code: string) {
  return new CombinedGraphQLErrors({ errors: [{ message: code, extensions: { code } }] });
}

function fileSize(bytes: number, number: (value: number) => string): string {
  if (bytes < 1024 * 1024) {
    return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  }
  return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}
