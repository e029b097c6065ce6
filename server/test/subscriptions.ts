import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLResponse, TestApi } from "./api";
import { until } from "./job-fixtures";

/** What a subscription delivered: data or errors, as graphql-ws hands them to the client. */
export interface SubscriptionResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Who the socket signs in as: the browser's session cookie (with the page's Origin) or an API token. */
export interface SocketAuth {
  /** `crm_session=…` (ApiClient.sessionCookie after api.as(user)). */
  cookie?: string | null;
  /** An API token secret: sent as connectionParams.authorization "Bearer <secret>". */
  bearer?: string;
  /** The Origin header of the upgrade (a browser always sends one); absent unless given. */
  origin?: string;
}

/** The close of a socket the server refused or ended (4401 unauthenticated, 4403 forbidden, 1001 going away). */
export interface SocketClosed {
  code: number;
  reason: string;
}

/**
 * One graphql-ws subscription of a test: results arrive in order and are taken with next();
 * `closed` resolves when the socket closes. No timing: next() waits for the next result (the
 * suite's timeout bounds it).
 */
export class TestSubscription<T = Record<string, unknown>> {
  private readonly results: Array<SubscriptionResult<T>> = [];
  private readonly waiters: Array<(result: SubscriptionResult<T> | SocketClosed) => void> = [];
  private closeEvent: SocketClosed | null = null;
  readonly closed: Promise<SocketClosed>;
  private dispose: () => void = () => undefined;

  constructor(
    readonly client: Client,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    this.closed = new Promise((resolve) => {
      client.on("closed", (event) => {
        const { code, reason } = event as { code: number; reason: string };
        this.closeEvent = { code, reason: String(reason) };
        resolve(this.closeEvent);
        for (const waiter of this.waiters.splice(0)) {
          waiter(this.closeEvent);
        }
      });
    });
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => this.push(result as SubscriptionResult<T>),
        error: (error) => {
          // A closed socket reaches the sink as its close event: `closed` reports it.
          if (typeof (error as { code?: unknown })?.code === "number") {
            return;
          }
          this.push({ errors: Array.isArray(error) ? (error as SubscriptionResult["errors"]) : [{ message: String((error as Error)?.message ?? error) }] });
        },
        complete: () => undefined,
      },
    );
  }

  /** The next result; rejects when the socket closed first. */
  async next(): Promise<SubscriptionResult<T>> {
    const result = this.results.shift() ?? (this.closeEvent ? this.closeEvent : await new Promise<SubscriptionResult<T> | SocketClosed>((resolve) => this.waiters.push(resolve)));
    if ("code" in result) {
      throw new Error(`the socket closed (${result.code} ${result.reason}) before the next result`);
    }
    return result;
  }

  /** Results received and not taken yet. */
  get pending(): number {
    return this.results.length;
  }

  /** Completes the subscription and closes the socket. */
  async close(): Promise<void> {
    this.dispose();
    await this.client.dispose();
  }

  private push(result: SubscriptionResult<T>): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(result);
    } else {
      this.results.push(result);
    }
  }
}

/** The ws:// URL of an API's /graphql (http://127.0.0.1:port → ws://127.0.0.1:port/graphql). */
export function wsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, "ws")}/graphql`;
}

/**
 * A graphql-ws client for Node (the `ws` implementation) that signs in like a browser (cookie +
 * Origin on the upgrade) or an integration (Bearer token in connectionParams). No retries: a
 * refused socket stays closed so tests can read its close code.
 */
export function wsClient(baseUrl: string, auth: SocketAuth = {}): Client {
  const headers: Record<string, string> = {};
  if (auth.cookie) {
    headers.cookie = auth.cookie;
  }
  if (auth.origin) {
    headers.origin = auth.origin;
  }
  class AuthWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: wsUrl(baseUrl),
    webSocketImpl: AuthWebSocket,
    connectionParams: auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
}

/** The account-change subscription with the fields the suites check. */
export const ACCOUNT_CHANGED = `subscription AccountChanged {
  accountChanged {
    kind accountId leftScope occurredAt
    account { id name followUpStatus { id } salesman { id } }
    fromStatus { id } toStatus { id }
    note { id comment }
    actor { id }
  }
}`;

/**
 * Subscribes and waits until the API process has the subscription listening on its bus (so a
 * write made next is delivered): same-process tests only (api.crm). Other processes: subscribe
 * with wsClient + TestSubscription, then write to a probe account until its event arrives.
 */
export async function subscribeLive<T = Record<string, unknown>>(api: Pick<TestApi, "url" | "crm">, auth: SocketAuth, query = ACCOUNT_CHANGED): Promise<TestSubscription<T>> {
  const before = api.crm.bus.listenersAdded();
  const subscription = new TestSubscription<T>(wsClient(api.url, auth), query);
  let closed = false;
  void subscription.closed.then(() => {
    closed = true;
  });
  await until(async () => closed || api.crm.bus.listenersAdded() > before);
  if (closed) {
    throw new Error(`the socket closed before the subscription started: ${JSON.stringify(await subscription.closed)}`);
  }
  return subscription;
}

/**
 * A subscription operation as the permission matrix reads an HTTP answer: 200 without errors once
 * it is live (listening on the bus), its first result's errors when refused at subscribe
 * (FORBIDDEN), or the refusal of the socket (4401 → 401 UNAUTHENTICATED, 4403 → 403 FORBIDDEN).
 */
export async function subscriptionOutcome(api: Pick<TestApi, "url" | "crm">, auth: SocketAuth, query: string): Promise<GraphQLResponse> {
  const before = api.crm.bus.listenersAdded();
  const sub = new TestSubscription(wsClient(api.url, auth), query);
  let closed: SocketClosed | null = null;
  void sub.closed.then((event) => {
    closed = event;
  });
  let outcome: GraphQLResponse | null = null;
  try {
    await until(async () => {
      // A result first: a refused subscribe sends its errors, then the idle client closes (1000).
      if (sub.pending > 0) {
        const first = await sub.next();
        outcome = { status: 200, data: first.data, errors: first.errors, headers: new Headers() };
      } else if (closed) {
        const { code, reason } = closed as SocketClosed;
        const refusal = code === 4401 ? { status: 401, code: "UNAUTHENTICATED" } : code === 4403 ? { status: 403, code: "FORBIDDEN" } : { status: 500, code: `CLOSED_${code}` };
        outcome = { status: refusal.status, errors: [{ message: reason, extensions: { code: refusal.code } }], headers: new Headers() };
      } else if (api.crm.bus.listenersAdded() > before) {
        outcome = { status: 200, headers: new Headers() };
      }
      return outcome !== null;
    });
    return outcome!;
  } finally {
    await sub.close();
  }
}
