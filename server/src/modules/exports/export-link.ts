import { createHmac, timingSafeEqual } from "node:crypto";
import type { AccountFilter, AccountOrder } from "../accounts/account.inputs";
import type { AccountColumn } from "../preferences/table-columns";
import type { AccountExportRequest } from "./account-export.service";

/** How long a download link from `exportAccounts` works. */
export const EXPORT_LINK_TTL_SECONDS = 300;

interface LinkPayload {
  /** users.id the export runs as (re-read at download: active, current permissions). */
  u: number;
  /** expiry, epoch seconds */
  e: number;
  r: AccountExportRequest;
}

export interface VerifiedLink {
  userId: number;
  request: AccountExportRequest;
  expiresAt: Date;
}

/**
 * Stateless signed download links (any API process can serve one): the checked request, the
 * user and the expiry, HMAC-SHA256 with a key derived from SESSION_SECRET. A changed byte or
 * a passed expiry is refused.
 */
export class ExportLinks {
  private readonly key: Buffer;

  constructor(secret: string, private readonly ttlSeconds = EXPORT_LINK_TTL_SECONDS) {
    this.key = createHmac("sha256", secret).update("crm-export-link-v1").digest();
  }

  sign(userId: number, request: AccountExportRequest, now = new Date()): { token: string; expiresAt: Date } {
    const expires = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    const body = Buffer.from(JSON.stringify({ u: userId, e: expires, r: request } satisfies LinkPayload)).toString("base64url");
    return { token: `${body}.${this.mac(body)}`, expiresAt: new Date(expires * 1000) };
  }

  /** The link's content, or null when it is malformed, forged or expired. */
  verify(token: string, now = new Date()): VerifiedLink | null {
    const [body, mac, extra] = token.split(".");
    if (!body || !mac || extra !== undefined) {
      return null;
    }
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return null;
    }
    let payload: LinkPayload;
    try {
      payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkPayload;
    } catch {
      return null;
    }
    if (typeof payload.u !== "number" || typeof payload.e !== "number" || payload.e * 1000 <= now.getTime()) {
      return null;
    }
    return { userId: payload.u, request: reviveRequest(payload.r), expiresAt: new Date(payload.e * 1000) };
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}

/**
 * A logged request without the signed link (a 5-minute credential): pino-http's serializer
 * hands us `{ url, query, … }`, and access logs must not make the link reusable.
 */
export function redactExportLink<T extends { url?: string; query?: unknown }>(req: T): T {
  const query = req.query as Record<string, unknown> | undefined;
  if (!req.url?.includes("link=") && !(query && "link" in query)) {
    return req;
  }
  return {
    ...req,
    url: req.url?.replace(/([?&]link=)[^&#]*/g, "$1[redacted]"),
    query: query && "link" in query ? { ...query, link: "[redacted]" } : query,
  };
}

/** JSON turned the created-at range's Dates into strings: back to Dates for the SQL parameters. */
function reviveRequest(request: AccountExportRequest): AccountExportRequest {
  const filter = request.filter as (AccountFilter & { createdAt?: { from?: unknown; to?: unknown } | null }) | null;
  const range = filter?.createdAt;
  const revived: AccountFilter | null = filter
    ? {
        ...filter,
        createdAt: range
          ? { from: typeof range.from === "string" ? new Date(range.from) : null, to: typeof range.to === "string" ? new Date(range.to) : null }
          : null,
      }
    : null;
  return { filter: revived, orderBy: request.orderBy as AccountOrder | null, columns: request.columns as AccountColumn[] };
}
