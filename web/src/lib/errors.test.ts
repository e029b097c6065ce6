import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

import { errorCodeOf, errorMessage, fieldErrorsOf, serverErrorCodes, type ClientErrorCode } from "./errors";
import { commonMessages } from "./messages";

function graphQLError(code: unknown, extra: Record<string, unknown> = {}): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: "server text", extensions: { code, ...extra } }] });
}

function serverError(status: number): ServerError {
  // jsdom has no fetch Response; ServerError only reads the status from it.
  const response = { status } as unknown as Response;
  return new ServerError("HTTP error", { response, bodyText: "oops" });
}

describe("errorCodeOf", () => {
  it.each(serverErrorCodes)("should return %s when the first GraphQL error carries that code", (code) => {
    expect(errorCodeOf(graphQLError(code))).toBe(code);
  });

  it("should skip errors without a known code and use the first known one", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        { message: "no code" },
        { message: "odd", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
        { message: "gone", extensions: { code: "NOT_FOUND" } },
      ],
    });
    expect(errorCodeOf(error)).toBe("NOT_FOUND");
  });

  it("should treat an unknown code as INTERNAL_SERVER_ERROR when nothing else matches", () => {
    expect(errorCodeOf(graphQLError("SOMETHING_NEW"))).toBe("INTERNAL_SERVER_ERROR");
  });

  it.each<[number, ClientErrorCode]>([
    [401, "UNAUTHENTICATED"],
    [403, "FORBIDDEN"],
    [429, "RATE_LIMITED"],
    [503, "SERVICE_UNAVAILABLE"],
    [500, "INTERNAL_SERVER_ERROR"],
    [502, "INTERNAL_SERVER_ERROR"],
  ])("should map HTTP %i to %s when the response is not GraphQL", (status, code) => {
    expect(errorCodeOf(serverError(status))).toBe(code);
  });

  it("should return NETWORK_ERROR when fetch itself failed", () => {
    expect(errorCodeOf(new TypeError("Failed to fetch"))).toBe("NETWORK_ERROR");
  });

  it("should return INTERNAL_SERVER_ERROR for anything else", () => {
    expect(errorCodeOf(new Error("boom"))).toBe("INTERNAL_SERVER_ERROR");
    expect(errorCodeOf("a string")).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("errorMessage", () => {
  it.each(["en", "es-MX"] as const)("should give every code its own non-empty %s message", (locale) => {
    const messages = commonMessages[locale].errors;
    const texts = serverErrorCodes.map((code) => errorMessage(graphQLError(code), messages));
    texts.forEach((text) => expect(text.length).toBeGreaterThan(0));
    expect(new Set(texts).size).toBe(serverErrorCodes.length);
  });

  it("should never show the server's raw message", () => {
    expect(errorMessage(graphQLError("FORBIDDEN"), commonMessages.en.errors)).not.toContain("server text");
  });

  it("should use the locale's text when the code is known", () => {
    expect(errorMessage(graphQLError("FORBIDDEN"), commonMessages.en.errors)).toBe("You do not have permission to do this.");
    expect(errorMessage(graphQLError("FORBIDDEN"), commonMessages["es-MX"].errors)).toBe("No tienes permiso para hacer esto.");
  });

  it("should prefer an override for the matching code only", () => {
    const overrides = { UNAUTHENTICATED: "Wrong password" };
    expect(errorMessage(graphQLError("UNAUTHENTICATED"), commonMessages.en.errors, overrides)).toBe("Wrong password");
    expect(errorMessage(graphQLError("FORBIDDEN"), commonMessages.en.errors, overrides)).toBe(
      commonMessages.en.errors.FORBIDDEN,
    );
  });
});

describe("fieldErrorsOf", () => {
  it("should return the per-field messages of BAD_USER_INPUT errors", () => {
    const error = graphQLError("BAD_USER_INPUT", { fields: { email: "must be a valid email address", age: 3 } });
    expect(fieldErrorsOf(error)).toEqual({ email: "must be a valid email address" });
  });

  it("should return nothing when the error is not BAD_USER_INPUT", () => {
    expect(fieldErrorsOf(graphQLError("CONFLICT", { fields: { email: "taken" } }))).toEqual({});
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
  });
});
