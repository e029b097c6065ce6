import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cookieParser from "cookie-parser";
import express, { type Express, type Request, type Response } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { Redis } from "ioredis";
import type { DataSource } from "typeorm";
import type { Env } from "./config/env";
import { buildContext, type Context, type SessionCookies } from "./graphql/context";
import { createFormatError } from "./graphql/errors";
import { armor, introspectionGuard } from "./graphql/limits";
import { buildCrmSchema } from "./graphql/schema";
import { createServices, type Services } from "./graphql/services";
import { mountPlayground } from "./modules/auth/playground";
import { mountExportRoute } from "./modules/exports/export.route";
import { redactExportLink } from "./modules/exports/export-link";
import { RateLimits } from "./modules/auth/rate-limits";
import { mountImportRoutes } from "./modules/imports/import-upload.route";
import { authenticateGraphQL, SESSION_COOKIE } from "./modules/auth/request-auth";
import type { Viewer } from "./modules/auth/viewer";

export { SESSION_COOKIE };

export interface CrmApp {
  app: Express;
  services: Services;
  stop(): Promise<void>;
}

export interface AppDependencies {
  config: Env;
  dataSource: DataSource;
  logger: Logger;
}

function sessionCookies(req: Request, res: Response, secure: boolean): SessionCookies {
  return {
    read: () => (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE],
    set: (token, expiresAt) =>
      res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt }),
    clear: () => res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure, path: "/" }),
  };
}

/** Every GraphQL response is private to its viewer: never stored by a browser or a proxy. */
const noStore: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set("cache-control", "no-store");
      },
    };
  },
};

/** The API process's HTTP app: /graphql, /healthz and the built web client. */
export async function createApp({ config, dataSource, logger }: AppDependencies): Promise<CrmApp> {
  const schema = await buildCrmSchema();
  // Rate limits live in Redis when configured, so every API process shares the budget.
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on("error", (err) => logger.warn({ err }, "redis error (rate limits fall back to memory)"));
  const limits = new RateLimits(config, logger, redis);
  const services = createServices(dataSource, config, limits, logger);
  await services.catalogs.all();
  const production = config.NODE_ENV === "production";
  const protection = armor(production);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError(logger, !production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    // Cache hints are unused; the default cache-control plugin would wrap every field of every row
    // in a timing hook (issue 10, graphql-vs-raw bench). Responses stay uncacheable (noStore).
    plugins: [...protection.plugins, introspectionGuard(production), ApolloServerPluginCacheControlDisabled(), noStore],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
      serializers: { req: redactExportLink },
    }),
  );
  app.get("/healthz", async (_req, res) => {
    await dataSource.query("SELECT 1");
    res.json({ ok: true });
  });
  app.use(
    "/graphql",
    cookieParser(),
    express.json({ limit: "1mb" }),
    authenticateGraphQL(services, limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const cookies = sessionCookies(req, res, production);
        const viewer = (res.locals.viewer as Viewer | null | undefined) ?? null;
        return buildContext({ requestId: String(req.id), logger: req.log, viewer, clientIp: req.ip ?? "unknown", dataSource, services, cookies });
      },
    }),
  );
  mountExportRoute(app, { services, limits, schema, logger });
  mountImportRoutes(app, services, limits);
  const dist = config.WEB_DIST ?? resolve(__dirname, "../../web/dist");
  mountPlayground(app, services, dist);
  serveWeb(app, dist, logger);

  return {
    app,
    services,
    stop: async () => {
      await apollo.stop();
      await services.imports.runner.idle();
      redis?.disconnect();
    },
  };
}

/** The built React app, with index.html for client-side routes. */
function serveWeb(app: Express, dist: string, logger: Logger): void {
  const index = resolve(dist, "index.html");
  if (!existsSync(index)) {
    logger.warn({ dist }, "web client not built (npm run build): only the API is served");
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!graphql|healthz|api\/).*/, (_req, res) => res.sendFile(index));
}
