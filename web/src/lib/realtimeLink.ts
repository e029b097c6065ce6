import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { createClient, type Client } from "graphql-ws";

/** The server refused the socket's session (contract: 4401 unauthenticated, 4403 forbidden): retrying cannot help. */
const refusedCloseCodes: ReadonlySet<number> = new Set([4401, 4403]);

/** Longest wait between two reconnection attempts, so a long API outage is retried about twice a minute. */
export const maxRetryDelayMs = 30_000;

/**
 * The WebSocket address of the GraphQL endpoint: the same path on the same origin, `ws:` beside
 * `http:` and `wss:` beside `https:`, so the session cookie goes with the upgrade and the dev proxy
 * and the single-port server both work with the relative `/graphql`.
 */
export function webSocketUrlOf(graphqlUrl: string, page: Pick<Location, "href">): string {
  const url = new URL(graphqlUrl, page.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.hash = "";
  return url.toString();
}

/**
 * The wait before reconnection attempt `retries` (0 for the first): exponential from 1 s, capped at
 * `maxRetryDelayMs`, with jitter in [50 %, 100 %], so the clients of a restarted API do not all come
 * back in the same instant.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxRetryDelayMs, 1_000 * 2 ** Math.min(retries, 15));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Whether a socket close (or connection error) is worth another attempt: anything but a refused session. */
export function shouldRetrySocket(errorOrCloseEvent: unknown): boolean {
  const code = (errorOrCloseEvent as { code?: unknown } | null)?.code;
  return !(typeof code === "number" && refusedCloseCodes.has(code));
}

/**
 * Whether a subscription's error is the server refusing the socket's session (GraphQLWsLink words a
 * close as "Socket closed with event <code> …"): subscribing again cannot help until the user
 * signs in again.
 */
export function isRefusedSocketError(error: unknown): boolean {
  const code = /Socket closed with event (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  return code !== undefined && refusedCloseCodes.has(Number(code));
}

/**
 * The live updates' connection as the user should see it: `idle` when nothing listens (the lazy
 * socket is closed, or the session was refused: the login page's business), `connecting` the first
 * time, `live`, and `reconnecting` after a drop (changes made meanwhile show once it is back).
 */
export type RealtimeStatus = "idle" | "connecting" | "live" | "reconnecting";

/** The connection's status for React (useSyncExternalStore): the CRM header's live indicator reads it. */
export interface RealtimeStatusStore {
  readonly get: () => RealtimeStatus;
  readonly subscribe: (listener: () => void) => () => void;
}

function statusAfterClose(event: unknown): RealtimeStatus {
  // 1000: the lazy socket closed after its last subscription went away.
  return (event as { code?: unknown } | null)?.code === 1000 || !shouldRetrySocket(event) ? "idle" : "reconnecting";
}

/** Follows the socket client's events from now on (call it before the first subscription). */
export function watchRealtimeStatus(client: Pick<Client, "on">): RealtimeStatusStore {
  let status: RealtimeStatus = "idle";
  const listeners = new Set<() => void>();
  const set = (next: RealtimeStatus) => {
    if (next !== status) {
      status = next;
      listeners.forEach((listener) => listener());
    }
  };
  client.on("connecting", (isRetry) => set(isRetry ? "reconnecting" : "connecting"));
  client.on("connected", () => set("live"));
  client.on("closed", (event) => set(statusAfterClose(event)));
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface RealtimeLinkOptions {
  /** The GraphQL endpoint (`config.graphqlUrl`); the socket opens on the same path. */
  readonly uri: string;
  /** Called when the socket is back after a drop (events sent meanwhile were missed). */
  readonly onReconnected: () => void;
}

/**
 * The subscriptions' transport: graphql-ws on the GraphQL path, authenticated by the session cookie
 * (same origin). It connects on the first subscription and closes after the last (lazy), and
 * reconnects after any drop but a refused session (an API restart, a network blip) with a growing
 * wait, forever: a board left open overnight comes back by itself.
 */
export function createRealtimeLink(options: RealtimeLinkOptions): GraphQLWsLink {
  const client: Client = createClient({
    url: () => webSocketUrlOf(options.uri, window.location),
    lazy: true,
    // Switching views unsubscribes and subscribes again a moment later: keep the socket meanwhile.
    lazyCloseTimeout: 3_000,
    // A ping every 20 s: proxies do not close the socket as idle, and a dead one is noticed.
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: shouldRetrySocket,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) {
          options.onReconnected();
        }
      },
    },
  });
  return new GraphQLWsLink(client);
}
