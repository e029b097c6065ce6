import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";


/** The closed set of `extensions.code` values the server returns (see server/src/graphql/errors.ts). */
export const serverErrorCodes = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "INTEGRATION_FAILED",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;

export type ServerErrorCode = (typeof serverErrorCodes)[number];

/** Server codes plus the one failure only the browser can see: the request never got an answer. */
export type ClientErrorCode = ServerErrorCode | "NETWORK_ERROR";

/** Per-code overrides for a screen where a code means something specific (login: UNAUTHENTICATED = wrong password). */
export type ErrorMessageOverrides = Partial<Record<ClientErrorCode, string>>;

const knownCodes: ReadonlySet<string> = new Set(serverErrorCodes);

function isServerErrorCode(code: unknown): code is ServerErrorCode {
  return typeof code === "string" && knownCodes.has(code);
}

/** The code of an HTTP answer that carries no GraphQL error (a proxy's page, an empty body). */
export function codeForStatus(status: number): ClientErrorCode {
  if (status === 401) {
    return "UNAUTHENTICATED";
  }
  if (status === 403) {
    return "FORBIDDEN";
  }
  if (status === 429) {
    return "RATE_LIMITED";
  }
  if (status === 503) {
    // The database went away mid-request, or an instance is shutting down: a retry soon succeeds.
    return "SERVICE_UNAVAILABLE";
  }
  return "INTERNAL_SERVER_ERROR";
}

/**
 * The code of an Apollo error: the first GraphQL error's `extensions.code` (unknown codes count as
 * INTERNAL_SERVER_ERROR, as the server masks them), the HTTP status for transport errors, and
 * NETWORK_ERROR when no response arrived at all.
 */
export function errorCodeOf(error: unknown): ClientErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.map((item) => item.extensions?.code).find(isServerErrorCode);
    return code ?? "INTERNAL_SERVER_ERROR";
  }
  if (ServerError.is(error)) {
    return codeForStatus(error.statusCode);
  }
  if (ServerParseError.is(error)) {
    return codeForStatus(error.statusCode);
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached.
    return "NETWORK_ERROR";
  }
  return "INTERNAL_SERVER_ERROR";
}

/** One locale's message per code (`commonMessages[locale].errors`). */
export type ErrorMessages = Readonly<Record<ClientErrorCode, string>>;

/**
 * The user message for an error, in the given locale's strings. The one place codes become words;
 * components use `useErrorMessage()`, which passes the current locale's strings.
 */
export function errorMessage(error: unknown, messages: ErrorMessages, overrides: ErrorMessageOverrides = {}): string {
  const code = errorCodeOf(error);
  return overrides[code] ?? messages[code];
}

/** BAD_USER_INPUT per-field problems (`extensions.fields`), for forms to show next to their inputs. */
export function fieldErrorsOf(error: unknown): Readonly<Record<string, string>> {
  if (!CombinedGraphQLErrors.is(error)) {
    return {};
  }
  const fields: Record<string, string> = {};
  for (const item of error.errors) {
    const raw = item.extensions?.fields;
    if (item.extensions?.code !== "BAD_USER_INPUT" || typeof raw !== "object" || raw === null) {
      continue;
    }
    for (const [field, problem] of Object.entries(raw)) {
      if (typeof problem === "string") {
        fields[field] = problem;
      }
    }
  }
  return fields;
}
