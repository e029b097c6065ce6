import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** Why the server answered CONFLICT (`extensions.reason`: STALE_VERSION, ALREADY_CLIENT, ACCOUNT_REMOVED…), or null. */
export function conflictReasonOf(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) {
    return null;
  }
  const conflict = error.errors.find((item) => item.extensions?.code === "CONFLICT");
  const reason = conflict?.extensions?.reason;
  return typeof reason === "string" ? reason : null;
}
