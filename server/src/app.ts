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
import { replicaReadsForQueries } from "./graphql/replica-reads";
import { buildCrmSchema } from "./graphql/schema";
import { createServices, type Services } from "./graphql/services";
import { mountPlayground } from "./modules/auth/playground";
import { mountExportRoute } from "./modules/exports/export.route";
import { redactExportLink } from "./modules/exports/export-link";
import { RateLimits } from "./modules/auth/rate-limits";
import { mountImportRoutes } from "./modules/imports/import-upload.route";
import { authenticateGraphQL, SESSION_COOKIE } from "./modules/auth/request-auth";
import type { Viewer } from "./modules/auth/viewer";
import { noteRemoteAccountWrite } from "./modules/accounts/account-write-generation";
import { createEventBus } from "./realtime/create-event-bus";
import { eventBusPubSub, type EventBus } from "./realtime/event-bus";
import { createRealtimeServer, subscriptionsOverWebSocketOnly } from "./realtime/ws-server";
import type { Server } from "node:http";

export { SESSION_COOKIE };

export interface CrmApp {
  app: Express;
  services: Services;
  /** Account changes of this process (and, with Redis, of every API process). */
  bus: EventBus;
  /** Serves GraphQL subscriptions (graphql-ws) on /graphql of the HTTP server that serves `app`. */
  attach(server: Server): void;
  /** Closes the subscription sockets (1001, going away): an HTTP server's close() waits for them. stop() does it too. */
  closeSockets(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppDependencies {
  config: Env;
  dataSource: DataSource;
  logger: Logger;
  /** How often open subscription sockets re-check their session (default 60 s; tests shorten it). */
  sessionRecheckMs?: number;
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
export async function createApp({ config, dataSource, logger, sessionRecheckMs }: AppDependencies): Promise<CrmApp> {
  // One bus per API process: writes publish to it after COMMIT, subscriptions listen to it.
  const bus = createEventBus(config, logger);
  // Another instance's write changes board totals too: reads started before it must not be shared after it.
  bus.listen((_events, remote) => remote && noteRemoteAccountWrite(dataSource));
  const schema = await buildCrmSchema({ pubSub: eventBusPubSub(bus, () => logger.warn("a subscriber fell too far behind; its subscription was completed (the client must resubscribe and reload)")) });
  // Rate limits live in Redis when configured, so every API process shares the budget.
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on("error", (err) => logger.warn({ err }, "redis error (rate limits fall back to memory)"));
  const limits = new RateLimits(config, logger, redis);
  const services = createServices(dataSource, config, limits, logger, bus);
  await services.catalogs.all();
  const production = config.NODE_ENV === "production";
  const protection = armor(production);
  // With DATABASE_REPLICA_URLS: queries read from replicas, everything else from the primary.
  const replicaReads = replicaReadsForQueries(dataSource);
  const formatError = createFormatError(logger, !production);
  const apollo = new ApolloServer<Context>({
    schema,
    // main.ts owns SIGTERM (drain first, then stop). Apollo's own handler stopped it before the
    // in-flight requests finished, and a second stop() during its stop never resolves (5.5.1).
    stopOnTerminationSignals: false,
    formatError,
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    // Cache hints are unused; the default cache-control plugin would wrap every field of every row
    // in a timing hook (issue 10, graphql-vs-raw bench). Responses stay uncacheable (noStore).
    plugins: [...protection.plugins, introspectionGuard(production), ApolloServerPluginCacheControlDisabled(), noStore, subscriptionsOverWebSocketOnly, ...(replicaReads ? [replicaReads.plugin] : [])],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  // Whose X-Forwarded-For to believe (the client IP that rate limits count): TRUST_PROXY, loopback by default.
  app.set("trust proxy", config.TRUST_PROXY);
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
    ...(replicaReads ? [replicaReads.scope] : []),
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

  const trustProxy = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  const realtime = createRealtimeServer({ schema, dataSource, services, limits, logger, formatError, validationRules: protection.validationRules, trustProxy, sessionRecheckMs });

  return {
    app,
    services,
    bus,
    attach: (server) => realtime.attach(server),
    closeSockets: () => realtime.close(),
    stop: async () => {
      await realtime.close();
      await apollo.stop();
      await services.imports.runner.idle();
      await bus.close();
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
