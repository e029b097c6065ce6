import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";
import { useErrorMessage } from "../lib/useErrorMessage";

interface LoadErrorProps {
  /** What failed to load, worded through the app's one error mapping. */
  readonly error: unknown;
  readonly onRetry: () => void;
  /** A sentence before the reason (e.g. which part failed). */
  readonly lead?: string;
  /** Extra classes beside `form-error`. */
  readonly className?: string;
}

/** A read that failed: an alert with the reason and a Retry button (lists, board, columns, calendar). */
export function LoadError({ error, onRetry, lead, className }: LoadErrorProps) {
  const common = useT(commonMessages);
  const toMessage = useErrorMessage();
  return (
    <div role="alert" className={className ? `${className} form-error` : "form-error"}>
      {lead ? `${lead} ` : null}
      {toMessage(error)}{" "}
      <button type="button" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}
