import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** One existing account the server matched a new prospect against (createProspect's CONFLICT). */
export interface DuplicateMatch {
  readonly matchedOn: readonly string[];
  /** Null when the match is outside the viewer's scope: only what matched is revealed. */
  readonly existingAccountId: string | null;
  readonly name: string | null;
  readonly companyName: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toMatch(raw: unknown): DuplicateMatch | null {
  if (!isRecord(raw)) {
    return null;
  }
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const matchedOn = Array.isArray(raw.matchedOn) ? raw.matchedOn.filter((item): item is string => typeof item === "string") : [];
  return { matchedOn, existingAccountId: text(raw.existingAccountId), name: text(raw.name), companyName: text(raw.companyName) };
}

/**
 * The duplicates a CONFLICT names (`extensions.duplicates`, or the single `existingAccountId` /
 * `existingAccountName`), or null when the error is not a duplicate warning.
 */
export function duplicatesOf(error: unknown): DuplicateMatch[] | null {
  if (!CombinedGraphQLErrors.is(error)) {
    return null;
  }
  const conflict = error.errors.find((item) => item.extensions?.code === "CONFLICT");
  if (!conflict) {
    return null;
  }
  const extensions = conflict.extensions ?? {};
  const list = Array.isArray(extensions.duplicates) ? extensions.duplicates.map(toMatch).filter((m): m is DuplicateMatch => m !== null) : [];
  if (list.length > 0) {
    return list;
  }
  if (!("existingAccountId" in extensions) && !("existingAccountName" in extensions)) {
    // Another CONFLICT (STALE_VERSION, ACCOUNT_REMOVED…): not about duplicates.
    return null;
  }
  const single = toMatch({ matchedOn: [], existingAccountId: extensions.existingAccountId, name: extensions.existingAccountName, companyName: null });
  return single ? [single] : [];
}
