import { validateSync } from "class-validator";
import cookieParser from "cookie-parser";
import type { Express, Request, Response } from "express";
import { coerceInputValue, isInputType, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { AppError, ForbiddenError, UnauthenticatedError, UserInputError } from "../../graphql/errors";
import type { Services } from "../../graphql/services";
import { AccountFilter, type AccountOrder } from "../accounts/account.inputs";
import { hashSecret } from "../auth/auth.service";
import type { RateLimits } from "../auth/rate-limits";
import { bearerSecret, sendGraphQLError, viewerOfRequest } from "../auth/request-auth";
import type { Viewer } from "../auth/viewer";
import { EXPORT_PATH, exportFileName, type AccountExportAsk } from "./account-export.service";

const STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };

/**
 * GET /api/exports/accounts — the CSV download beside /graphql. Either `?link=` (a signed
 * link from the exportAccounts mutation; it acts as its user, re-read now) or the caller's
 * session cookie / `Authorization: Bearer` token (READ scope) with the accounts query's
 * arguments as query parameters: `filter` and `orderBy` (JSON, checked against the
 * schema's AccountFilter / AccountOrder), `columns` (comma-separated keys) or `all=1`.
 * Errors before the first byte are JSON `{ errors: [...] }` with the graph's codes.
 */
export function mountExportRoute(app: Express, deps: { services: Services; limits: RateLimits; schema: GraphQLSchema; logger: Logger }): void {
  const { services, limits, schema } = deps;
  app.get(EXPORT_PATH, cookieParser(), async (req: Request, res: Response) => {
    let started = false;
    try {
      const secret = bearerSecret(req);
      await limits.request(req.ip ?? "unknown", secret ? hashSecret(secret) : null);
      const { viewer, request } = typeof req.query.link === "string" ? await fromLink(req.query.link) : await fromQuery(req);
      const checked = await services.accountExports.prepare(viewer, request);
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(new Date())}"`);
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("X-Content-Type-Options", "nosniff");
      if (req.method === "HEAD") {
        // A link checker's probe: the checks ran, the export does not.
        res.end();
        return;
      }
      started = true;
      const result = await services.accountExports.write(viewer, checked, res);
      req.log.info({ exportRows: result.rows, exportBatches: result.batches, userId: viewer.id }, "accounts export");
    } catch (error) {
      if (!started && error instanceof AppError) {
        sendGraphQLError(res, STATUS[error.code] ?? 400, error);
        return;
      }
      // Mid-stream (or unexpected): log it and cut the download so it cannot pass for complete.
      if (started && res.destroyed) {
        req.log.info("accounts export stopped: the client went away");
        return;
      }
      req.log.error({ err: error }, "accounts export failed");
      if (!started && !res.headersSent) {
        res.status(500).json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        return;
      }
      res.destroy();
    }
  });

  async function fromLink(token: string): Promise<{ viewer: Viewer; request: AccountExportAsk }> {
    const link = services.accountExports.links.verify(token);
    if (!link) {
      throw new ForbiddenError("The download link is invalid or has expired; export again");
    }
    const viewer = await services.auth.viewerForUser(link.userId);
    if (!viewer) {
      throw new ForbiddenError("The download link is invalid or has expired; export again");
    }
    requireCrm(viewer);
    return { viewer, request: link.request };
  }

  async function fromQuery(req: Request): Promise<{ viewer: Viewer; request: AccountExportAsk }> {
    const viewer = await viewerOfRequest(req, services);
    if (viewer === undefined) {
      throw new UnauthenticatedError("The API token is unknown, revoked or expired");
    }
    if (viewer === null) {
      throw new UnauthenticatedError();
    }
    if (!viewer.allowsScope("read")) {
      throw new ForbiddenError("This API token does not have the read scope");
    }
    requireCrm(viewer);
    return { viewer, request: parseQuery(req.query as Record<string, unknown>, schema) };
  }
}

function requireCrm(viewer: Viewer): void {
  if (!viewer.has("crm")) {
    throw new ForbiddenError("You need the crm permission to use the CRM");
  }
}

/** The query parameters as an export ask, checked like the graph checks the same arguments. */
export function parseQuery(query: Record<string, unknown>, schema: GraphQLSchema): AccountExportAsk {
  const fields: Record<string, string> = {};
  const filter = coerced<AccountFilter>(query.filter, "filter", "AccountFilter", schema, fields);
  const orderBy = coerced<AccountOrder>(query.orderBy, "orderBy", "AccountOrder", schema, fields);
  if (filter) {
    for (const problem of validateSync(Object.assign(new AccountFilter(), filter), { skipMissingProperties: true })) {
      fields[`filter.${problem.property}`] = Object.values(problem.constraints ?? {}).join("; ") || "is invalid";
    }
  }
  const columns = typeof query.columns === "string" ? query.columns.split(",").map((c) => c.trim()) : null;
  if (query.columns !== undefined && typeof query.columns !== "string") {
    fields.columns = "must be one comma-separated list";
  }
  if (Object.keys(fields).length > 0) {
    throw new UserInputError(fields);
  }
  return { filter, orderBy, columns, allColumns: query.all === "1" || query.all === "true" };
}

function coerced<T>(raw: unknown, name: string, typeName: string, schema: GraphQLSchema, fields: Record<string, string>): T | null {
  if (raw === undefined || raw === "") {
    return null;
  }
  const type = schema.getType(typeName);
  if (typeof raw !== "string" || !type || !isInputType(type)) {
    fields[name] = `must be one JSON ${typeName}`;
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    fields[name] = `is not JSON (a ${typeName} is expected)`;
    return null;
  }
  const problems: string[] = [];
  const value = coerceInputValue(json, type, (path, _invalid, error) => {
    problems.push(path.length > 0 ? `${path.join(".")}: ${error.message}` : error.message);
  });
  if (problems.length > 0) {
    fields[name] = problems.join("; ");
    return null;
  }
  return value as T;
}
