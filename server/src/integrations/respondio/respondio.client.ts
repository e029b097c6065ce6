import type { Logger } from "pino";
import type { Env } from "../../config/env";
import { PermanentJobError, RetryableJobError } from "../../jobs/job-handler";

/**
 * Every Respond.io endpoint the CRM calls, in one table: the API notes we have are second-hand
 * (see README "Respond.io lead sync"), so a corrected path is a one-line change here.
 * `id` is an already URL-encoded contact identifier (see `contactIdentifier`).
 */
export const RESPONDIO_ENDPOINTS = {
  upsertContact: { method: "POST", path: (id: string) => `/contact/create_or_update/${id}` },
  assignConversation: { method: "POST", path: (id: string) => `/contact/${id}/conversation/assignee` },
  updateLifecycle: { method: "POST", path: (id: string) => `/contact/${id}/lifecycle/update` },
  conversationStatus: { method: "POST", path: (id: string) => `/contact/${id}/conversation/status` },
  getContact: { method: "GET", path: (id: string) => `/contact/${id}` },
} as const;
export type RespondioEndpoint = keyof typeof RESPONDIO_ENDPOINTS;

/** Body of create_or_update: Respond.io's contact fields plus workspace custom fields by name. */
export interface RespondioContactBody {
  firstName: string;
  lastName?: string;
  email?: string;
  phone?: string;
  language?: string;
  custom_fields?: Array<{ name: string; value: string }>;
}

export type RespondioConfig = Pick<Env, "RESPONDIO_API_URL" | "RESPONDIO_API_TOKEN" | "RESPONDIO_TIMEOUT_MS">;

/** How much of an error response is kept for the admin (the rest is cut). */
const MAX_DETAIL_CHARS = 1000;
/** A Retry-After beyond this is capped: the job's own backoff takes over after it. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** True when a token is configured; without one the lead sync is skipped, not failed. */
export function isRespondioConfigured(config: Pick<Env, "RESPONDIO_API_TOKEN">): boolean {
  return Boolean(config.RESPONDIO_API_TOKEN);
}

/** The one boot line saying whether prospects are pushed to Respond.io (the token itself is never logged). */
export function logRespondioStatus(config: RespondioConfig, logger: Logger): void {
  if (isRespondioConfigured(config)) {
    logger.info({ respondioApiUrl: safeBaseUrl(config.RESPONDIO_API_URL) }, "Respond.io lead sync enabled");
  } else {
    logger.warn("Respond.io lead sync disabled: RESPONDIO_API_TOKEN is not set; new prospects are marked 'skipped: not configured'");
  }
}

/**
 * Parses a Retry-After header (delta-seconds or an HTTP date) into milliseconds from `now`;
 * undefined when absent or unreadable, capped at 15 minutes.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) {
    return undefined;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** The base URL without credentials, for logs and error messages. */
function safeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = "";
  url.password = "";
  return url.toString().replace(/\/+$/, "");
}

/**
 * Calls the Respond.io Developer API v2: bearer token, JSON, a timeout on every call.
 * Failures are job errors: 429 (with Retry-After), 408, 5xx, network errors and timeouts are
 * `RetryableJobError`; any other 4xx is `PermanentJobError` with the status and response body.
 * The token never appears in a message or detail (it is cut out of echoed bodies too).
 */
export class RespondioClient {
  private readonly baseUrl: string;
  private readonly token: string;

  constructor(private readonly config: RespondioConfig) {
    if (!config.RESPONDIO_API_TOKEN) {
      throw new Error("RespondioClient needs RESPONDIO_API_TOKEN (check isRespondioConfigured first)");
    }
    this.token = config.RESPONDIO_API_TOKEN;
    this.baseUrl = config.RESPONDIO_API_URL.replace(/\/+$/, "");
  }

  upsertContact(identifier: string, body: RespondioContactBody, signal?: AbortSignal): Promise<unknown> {
    return this.call("upsertContact", identifier, body, signal);
  }

  /** `assignee` is the Respond.io user's email (or numeric id); null unassigns. */
  assignConversation(identifier: string, assignee: string | null, signal?: AbortSignal): Promise<unknown> {
    return this.call("assignConversation", identifier, { assignee }, signal);
  }

  updateLifecycle(identifier: string, name: string | null, signal?: AbortSignal): Promise<unknown> {
    return this.call("updateLifecycle", identifier, { name }, signal);
  }

  openConversation(identifier: string, signal?: AbortSignal): Promise<unknown> {
    return this.call("conversationStatus", identifier, { status: "open" }, signal);
  }

  getContact(identifier: string, signal?: AbortSignal): Promise<unknown> {
    return this.call("getContact", identifier, undefined, signal);
  }

  private async call(endpoint: RespondioEndpoint, identifier: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const { method, path: toPath } = RESPONDIO_ENDPOINTS[endpoint];
    const path = toPath(identifier);
    const what = `Respond.io ${endpoint} (${method} ${path})`;
    const timeout = AbortSignal.timeout(this.config.RESPONDIO_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw this.fetchFailure(what, error, timeout, signal);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.fetchFailure(what, error, timeout, signal);
    }
    if (response.ok) {
      return parseJson(text);
    }
    const detail = `HTTP ${response.status} ${method} ${path}: ${this.redact(text).slice(0, MAX_DETAIL_CHARS)}`;
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const wait = retryAfterMs === undefined ? "" : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
      throw new RetryableJobError(`${what} was rate limited: 429${wait}`, retryAfterMs);
    }
    if (response.status >= 500 || response.status === 408) {
      throw new RetryableJobError(`${what} failed: ${detail}`);
    }
    throw new PermanentJobError(`${what} refused the request: ${response.status} ${response.statusText}`.trim(), detail);
  }

  /** A thrown fetch: our timeout, the job's shutdown signal, or a network error — all retryable. */
  private fetchFailure(what: string, error: unknown, timeout: AbortSignal, signal?: AbortSignal): RetryableJobError {
    if (timeout.aborted) {
      return new RetryableJobError(`${what} timed out after ${this.config.RESPONDIO_TIMEOUT_MS} ms`);
    }
    if (signal?.aborted) {
      return new RetryableJobError(`${what} interrupted: the worker is shutting down`);
    }
    // fetch wraps the socket error ("fetch failed", cause: ECONNREFUSED…); duck-typed, as errors may come from another realm.
    const outer = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
    const cause = outer.cause ?? outer;
    const code = "code" in cause && typeof cause.code === "string" ? `${cause.code} ` : "";
    const message = typeof cause.message === "string" ? cause.message : String(error);
    return new RetryableJobError(`${what} network error: ${this.redact(`${code}${message}`)}`);
  }

  private redact(text: string): string {
    return text.split(this.token).join("[redacted]");
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
