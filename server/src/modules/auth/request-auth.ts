import type { NextFunction, Request, RequestHandler, Response } from "express";
import { AppError, RateLimitedError, UnauthenticatedError } from "../../graphql/errors";
import type { Services } from "../../graphql/services";
import { hashSecret } from "./auth.service";
import type { RateLimits } from "./rate-limits";
import type { Viewer } from "./viewer";

export const SESSION_COOKIE = "crm_session";

/** The secret of an `Authorization: Bearer <secret>` header, if any. */
export function bearerSecret(req: Request): string | null {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Who sent the request: a Bearer token wins over the session cookie. Undefined = bad token. */
export async function viewerOfRequest(req: Request, services: Services): Promise<Viewer | null | undefined> {
  const secret = bearerSecret(req);
  if (secret) {
    return (await services.auth.viewerForToken(secret)) ?? undefined;
  }
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
  return cookie ? services.auth.viewerForSession(cookie) : null;
}

/** A GraphQL-shaped error response outside Apollo (rate limits, bad tokens). */
export function sendGraphQLError(res: Response, status: number, error: AppError): void {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  if (error instanceof RateLimitedError) {
    res.setHeader("Retry-After", String(error.retryAfterSeconds));
  }
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

/**
 * Before Apollo on /graphql: per-IP and per-token budgets, then authentication. The viewer
 * goes to res.locals.viewer. A Bearer token that is unknown, revoked or expired (or whose
 * user is deactivated) is UNAUTHENTICATED with 401, read fresh on every request.
 */
export function authenticateGraphQL(services: Services, limits: RateLimits): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const secret = bearerSecret(req);
      await limits.request(req.ip ?? "unknown", secret ? hashSecret(secret) : null);
      const viewer = await viewerOfRequest(req, services);
      if (viewer === undefined) {
        sendGraphQLError(res, 401, new UnauthenticatedError("The API token is unknown, revoked or expired"));
        return;
      }
      res.locals.viewer = viewer;
      next();
    } catch (error) {
      if (error instanceof RateLimitedError) {
        sendGraphQLError(res, 429, error);
        return;
      }
      next(error);
    }
  };
}
