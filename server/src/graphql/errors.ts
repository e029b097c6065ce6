import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

/** The closed set of error codes the graph returns. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "INTEGRATION_FAILED"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE";

/** A failure a client can act on; anything else is masked as INTERNAL_SERVER_ERROR. */
export class AppError extends GraphQLError {
  constructor(message: string, readonly code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "AppError";
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "You must sign in") {
    super(message, "UNAUTHENTICATED");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this") {
    super(message, "FORBIDDEN");
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string | number) {
    super(id === undefined ? `${what} not found` : `${what} ${id} not found`, "NOT_FOUND");
  }
}

/** Per-field messages: `{ email: "must be a valid email address" }`. */
export class UserInputError extends AppError {
  constructor(readonly fields: Record<string, string>, message?: string) {
    super(
      message ?? Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join("; "),
      "BAD_USER_INPUT",
      { fields },
    );
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "CONFLICT", extensions);
  }
}

/** Too many requests: `retryAfter` (seconds) in extensions and a Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, message = `Too many requests; retry after ${retryAfterSeconds} s`) {
    super(message, "RATE_LIMITED", { retryAfter: retryAfterSeconds, http: { headers: new Map([["retry-after", String(retryAfterSeconds)]]) } });
  }
}

/** An outside system (SMTP, Respond.io) failed; what was stored stays stored (extensions say what). */
export class IntegrationFailedError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "INTEGRATION_FAILED", extensions);
  }
}

/**
 * The database could not be reached or dropped the connection mid-request: a transient failure the
 * client may retry (an open transaction was rolled back by the server; reload before repeating a write
 * whose answer was lost). Recognised in formatError from the driver's error, never thrown by services.
 */
export class ServiceUnavailableError extends AppError {
  constructor(message = "The database is unavailable (the connection was lost); the request was not completed. Try again in a moment") {
    super(message, "SERVICE_UNAVAILABLE");
  }
}

/** Driver error codes of a lost or refused database connection (mysql2, MariaDB/MySQL, sockets). */
const CONNECTION_LOST_CODES = new Set([
  "PROTOCOL_CONNECTION_LOST",
  "ER_CONNECTION_KILLED",
  "ER_SERVER_SHUTDOWN",
  "CR_SERVER_GONE_ERROR",
  "CR_SERVER_LOST",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

/** Whether `error` (a TypeORM QueryFailedError or the driver's own) means the connection to the database is gone. */
export function isConnectionLost(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    const code = (candidate as { code?: unknown } | null)?.code;
    return typeof code === "string" && CONNECTION_LOST_CODES.has(code);
  });
}

const passThroughCodes = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "INTEGRATION_FAILED",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  // Apollo's own request-level errors carry safe messages.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Apollo `formatError`: AppErrors and Apollo's request errors pass through; anything
 * else is logged with the request id and masked.
 */
export function createFormatError(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isArgumentValidationError(original)) {
      const fields = validationFields(original);
      return {
        message: Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join("; ") || formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "BAD_USER_INPUT", fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && passThroughCodes.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeStack ? { ...extensions, stacktrace } : extensions };
    }
    if (isConnectionLost(original)) {
      logger.warn({ err: original, path: formatted.path }, "database connection lost while resolving");
      const unavailable = new ServiceUnavailableError();
      return { message: unavailable.message, locations: formatted.locations, path: formatted.path, extensions: { code: unavailable.code } };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error while resolving");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

interface ValidationItem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationItem[];
}

interface ValidationLike {
  extensions?: { validationErrors?: ValidationItem[] };
}

/** type-graphql's ArgumentValidationError (class-validator), recognised by its payload. */
function isArgumentValidationError(value: unknown): value is ValidationLike {
  return typeof value === "object" && value !== null && Array.isArray((value as ValidationLike).extensions?.validationErrors);
}

/** Flattens class-validator errors to `{ "createdAt.from": "message" }`, never echoing the input. */
function validationFields(error: ValidationLike): Record<string, string> {
  const fields: Record<string, string> = {};
  const walk = (items: ValidationItem[], prefix: string) => {
    for (const item of items) {
      const name = prefix ? `${prefix}.${item.property}` : item.property;
      if (item.constraints) {
        fields[name] = Object.values(item.constraints).join("; ");
      }
      walk(item.children ?? [], name);
    }
  };
  walk(error.extensions?.validationErrors ?? [], "");
  return fields;
}
