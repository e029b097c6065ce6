import { useT } from "../../lib/i18n";
import type { DuplicateMatch } from "./duplicates";
import { prospectMessages } from "./messages";

interface DuplicateWarningProps {
  readonly matches: readonly DuplicateMatch[];
  /** Opens an existing account (closes the modal, opens the side panel). */
  readonly onOpen: (accountId: string) => void;
  readonly onAddAnyway: () => void;
  readonly submitting: boolean;
  /** The "anyway" button's text (default "Add anyway"; the details form says "Save anyway"). */
  readonly anywayLabel?: string;
}

/** "This looks like an account that already exists": links to the matches and an "add anyway" choice. */
export function DuplicateWarning({ matches, onOpen, onAddAnyway, submitting, anywayLabel }: DuplicateWarningProps) {
  const t = useT(prospectMessages).duplicate;
  const fieldName = (field: string) => t.matchFields[field as keyof typeof t.matchFields] ?? field;
  return (
    <div role="alert" className="duplicate-warning">
      <p>
        <strong>{t.title}</strong>
      </p>
      <ul>
        {matches.map((match, index) => (
          <li key={match.existingAccountId ?? index}>
            {match.matchedOn.length > 0 ? (
              <span>
                {t.matchedOn} {match.matchedOn.map(fieldName).join(", ")}:{" "}
              </span>
            ) : null}
            {match.existingAccountId ? (
              <a
                href={`?account=${encodeURIComponent(match.existingAccountId)}`}
                onClick={(event) => {
                  event.preventDefault();
                  if (match.existingAccountId) {
                    onOpen(match.existingAccountId);
                  }
                }}
              >
                {t.open([match.name, match.companyName].filter(Boolean).join(" · ") || match.existingAccountId)}
              </a>
            ) : (
              <span>{t.hidden}</span>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onAddAnyway} disabled={submitting}>
        {anywayLabel ?? t.addAnyway}
      </button>
    </div>
  );
}
