import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { WebSocketServer, type WebSocket } from "ws";
import { buildContext, type Context, type SessionCookies } from "../graphql/context";
import type { Loaders } from "../graphql/loaders";
import { AppError, RateLimitedError, UnauthenticatedError } from "../graphql/errors";
import type { Services } from "../graphql/services";
import { hashSecret } from "../modules/auth/auth.service";
import type { RateLimits } from "../modules/auth/rate-limits";
import { SESSION_COOKIE } from "../modules/auth/request-auth";
import type { Viewer } from "../modules/auth/viewer";
import type { AccountEvent } from "./account-event";
import { EventReads } from "./event-reads";
import { deliverInBatches } from "./delivery-batches";
import { clientIpOf, foreignOrigin, sessionCookieOf, type TrustProxy } from "./ws-request";

/** Close codes of a refused or ended socket (the contract of issue 11; 1012: events were missed, reconnect and reload; 1013: over the rate limit, try again later (4429 would end graphql-ws clients for good)). */
export const WS_CLOSE = { unauthenticated: 4401, forbidden: 4403, goingAway: 1001, serviceRestart: 1012, tryAgainLater: 1013 } as const;

/** How often an open socket's session or token is checked again (logout, expiry, deactivation). */
export const SESSION_RECHECK_MS = 60_000;

type Credential = { kind: "session"; token: string } | { kind: "token"; secret: string };

/** One authenticated socket. */
interface Connection {
  viewer: Viewer;
  credential: Credential;
  ip: string;
}

export interface RealtimeDependencies {
  schema: GraphQLSchema;
  dataSource: DataSource;
  services: Services;
  limits: RateLimits;
  logger: Logger;
  /** The app's formatError (codes passed through, anything else masked and logged). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The armor rules HTTP operations are validated with (depth, cost, aliases …). */
  validationRules: readonly ValidationRule[];
  /** The app's compiled `trust proxy` (app.get("trust proxy fn")), so sockets count against the same client IP as HTTP. */
  trustProxy: TrustProxy;
  sessionRecheckMs?: number;
}

/** graphql-ws on /graphql of the app's HTTP server. */
export interface RealtimeServer {
  /** Serves WebSocket upgrades of /graphql on `server` (HTTP POST stays with Express). */
  attach(server: Server): void;
  /** Closes every socket with 1001 (going away), so an HTTP server's close() can finish; stops serving. */
  close(): Promise<void>;
}

/** HTTP POST of a subscription: refused with a pointer to the WebSocket (Apollo would run it once, as a query, with no event). */
export const subscriptionsOverWebSocketOnly: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === "subscription") {
          throw new AppError("Subscriptions are served over WebSocket (graphql-ws protocol) on /graphql, not over HTTP POST", "BAD_USER_INPUT", { http: { status: 400 } });
        }
      },
    };
  },
};

/** The code Apollo gives the same request-level error over HTTP (formatError passes these through). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/** A subscriber's context has no cookies to set: sign-in and sign-out are HTTP mutations. */
const NO_COOKIES = (token: string | undefined): SessionCookies => ({ read: () => token, set: () => undefined, clear: () => undefined });

/**
 * graphql-ws (subscriptions only; queries and mutations stay on HTTP POST). A socket signs in
 * on connect with the session cookie of its upgrade request (refused 4403 when the Origin is
 * another host: cross-site WebSocket hijacking) or `connectionParams.authorization: "Bearer
 * <api token>"`; otherwise it is closed with 4401. Each subscribe counts against the IP (and
 * token) rate limit. Sockets whose session or token has ended are closed (4401) on the next
 * re-check. Events execute with a fresh context of the subscriber, whose loaders are shared with the
 * other subscribers of the same read profile for that event (event-reads.ts).
 */
export function createRealtimeServer(deps: RealtimeDependencies): RealtimeServer {
  const { schema, dataSource, services, limits, logger } = deps;
  const wss = new WebSocketServer({ noServer: true });
  const connections = new Map<WebSocket, Connection>();
  const attached: Array<{ server: Server; onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void }> = [];

  const viewerFor = (credential: Credential): Promise<Viewer | null> =>
    credential.kind === "token" ? services.auth.viewerForToken(credential.secret) : services.auth.viewerForSession(credential.token);

  const eventReads = new EventReads(dataSource, services);
  // Before any subscription's listener (registered later): a message's events share their reads,
  // primed at once when a subscriber who sees everything is connected.
  const stopListening = services.bus.listen((events) => eventReads.arrived(events, [...connections.values()].some((c) => c.viewer.scope === "all")));

  // Events published while the bus was cut off (Redis down) never arrive: close the sockets so
  // their clients reconnect and reload what they show (the web refetches on reconnect).
  const stopGaps = services.bus.onGap(() => {
    for (const socket of [...connections.keys()]) {
      connections.delete(socket);
      socket.close(WS_CLOSE.serviceRestart, "Account events may have been missed: reconnect and reload");
    }
  });

  /** A subscriber's context: for a delivery of `event`, with the loaders its profile shares for it. */
  const contextFor = (connection: Connection, event?: AccountEvent): Context => {
    const context = buildContext({
      requestId: randomUUID(),
      logger,
      viewer: connection.viewer,
      clientIp: connection.ip,
      dataSource,
      services,
      cookies: NO_COOKIES(connection.credential.kind === "session" ? connection.credential.token : undefined),
      loaders: event ? eventReads.loadersFor(event, connection.viewer) : undefined,
      eventReads,
    });
    // A re-check may load the viewer again (permissions changed): the stream's filter reads the current one.
    Object.defineProperty(context, "viewer", { get: () => connection.viewer, set: () => undefined, enumerable: true });
    return context;
  };
  const contexts = new WeakMap<Context, Connection>();

  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) => deps.formatError(error.toJSON(), error));

  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const authorization = ctx.connectionParams?.authorization;
        let credential: Credential | null = null;
        if (typeof authorization === "string") {
          const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
          credential = secret ? { kind: "token", secret } : null;
        } else {
          const token = sessionCookieOf(request, SESSION_COOKIE);
          if (token && foreignOrigin(request)) {
            socket.close(WS_CLOSE.forbidden, "Forbidden: the Origin is not this site");
            return false;
          }
          credential = token ? { kind: "session", token } : null;
        }
        // Counted like the HTTP request it is, before the credential is looked up: reconnecting
        // with guessed tokens or cookies must not bypass the budget HTTP enforces.
        const ip = clientIpOf(request, deps.trustProxy);
        try {
          await limits.request(ip, credential?.kind === "token" ? hashSecret(credential.secret) : null);
        } catch (error) {
          if (error instanceof RateLimitedError) {
            socket.close(WS_CLOSE.tryAgainLater, "Too many requests: try again later");
            return false;
          }
          throw error;
        }
        const viewer = credential ? await viewerFor(credential) : null;
        if (!viewer || !credential) {
          socket.close(WS_CLOSE.unauthenticated, "Unauthenticated: sign in or send connectionParams.authorization");
          return false;
        }
        // Closed while the lookups above ran: onClose has been and gone, so an entry now would never be removed.
        if (socket.readyState !== socket.OPEN) {
          return false;
        }
        connections.set(socket, { viewer, credential, ip });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) {
          return [new UnauthenticatedError()];
        }
        try {
          await limits.request(connection.ip, connection.credential.kind === "token" ? hashSecret(connection.credential.secret) : null);
        } catch (error) {
          if (error instanceof RateLimitedError) {
            return [error];
          }
          throw error;
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error instanceof GraphQLError ? error : new GraphQLError(String(error)), "GRAPHQL_PARSE_FAILED")];
        }
        const errors = validate(schema, document, [...specifiedRules, ...deps.validationRules]);
        if (errors.length > 0) {
          return errors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
        }
        if (getOperationAST(document, payload.operationName)?.operation !== "subscription") {
          return [new AppError("Only subscriptions are served over WebSocket; send queries and mutations as HTTP POST to /graphql", "BAD_USER_INPUT")];
        }
        const contextValue = contextFor(connection);
        contexts.set(contextValue, connection);
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // graphql's subscribe, but events execute with a fresh context of the subscriber: one per bus
      // message among the events waiting together (a CSV batch: its loaders read them in a few
      // statements). Never one context across messages: a later message about the same account
      // would be answered from the earlier message's cached (older) row.
      subscribe: async (args) => {
        const stream = await createSourceEventStream(args);
        const connection = contexts.get(args.contextValue as Context);
        if (!(Symbol.asyncIterator in stream) || !connection) {
          return stream as ExecutionResult;
        }
        return deliverInBatches(stream, async (payloads) => {
          const byLoaders = new Map<Loaders, Context>();
          return Promise.all(
            payloads.map(async (payload) => {
              const event = payload as AccountEvent;
              const loaders = eventReads.loadersFor(event, connection.viewer);
              const contextValue = byLoaders.get(loaders) ?? contextFor(connection, event);
              byLoaders.set(loaders, contextValue);
              return execute({ ...args, rootValue: payload, contextValue });
            }),
          );
        });
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onClose: (ctx) => {
        connections.delete(ctx.extra.socket);
      },
    },
    wss,
  );

  const recheck = async (): Promise<void> => {
    for (const [socket, connection] of connections) {
      const viewer = await viewerFor(connection.credential).catch((err: unknown) => {
        logger.warn({ err }, "could not re-check a WebSocket session; checked again next time");
        return connection.viewer;
      });
      if (viewer) {
        connection.viewer = viewer;
      } else {
        connections.delete(socket);
        socket.close(WS_CLOSE.unauthenticated, "Session ended");
      }
    }
  };
  let rechecking = false;
  const timer = setInterval(() => {
    if (rechecking) {
      return;
    }
    rechecking = true;
    void recheck().finally(() => {
      rechecking = false;
    });
  }, deps.sessionRecheckMs ?? SESSION_RECHECK_MS).unref();

  let closing: Promise<void> | null = null;
  return {
    attach(server) {
      const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (new URL(req.url ?? "/", "http://localhost").pathname !== "/graphql") {
          if (server.listenerCount("upgrade") === 1) {
            socket.destroy();
          }
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
      };
      server.on("upgrade", onUpgrade);
      attached.push({ server, onUpgrade });
    },
    close() {
      // Idempotent: closeSockets() during a drain, then stop().
      closing ??= (async () => {
        clearInterval(timer);
        stopListening();
        stopGaps();
        for (const { server, onUpgrade } of attached.splice(0)) {
          server.off("upgrade", onUpgrade);
        }
        connections.clear();
        await disposable.dispose();
      })();
      return closing;
    },
  };
}
