import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** The Respond.io calls the fake understands (same names as RESPONDIO_ENDPOINTS in the client). */
export type FakeEndpoint = "upsertContact" | "assignConversation" | "updateLifecycle" | "conversationStatus" | "getContact";

export interface RecordedCall {
  /** null when the path matched no known endpoint (answered 404). */
  endpoint: FakeEndpoint | null;
  method: string;
  /** Path after the base path, still URL-encoded, e.g. `/contact/create_or_update/phone:%2B525512345678`. */
  path: string;
  /** Decoded contact identifier, e.g. `phone:+525512345678`. */
  identifier: string | null;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined without one). */
  body: unknown;
}

/**
 * How the fake answers one call: the normal behaviour (`"ok"`), a given status/body/headers,
 * `hang` (never answer: the client's timeout fires) or `reset` (destroy the socket: a network error).
 */
export type FakeAnswer = "ok" | { status: number; body?: unknown; headers?: Record<string, string> } | { hang: true } | { reset: true };

/** One Respond.io contact as the fake stores it: repeated upserts stay one contact. */
export interface FakeContact {
  id: number;
  identifier: string;
  upserts: number;
  fields: Record<string, unknown>;
  assignee: unknown;
  lifecycle: unknown;
  conversationStatus: unknown;
}

const ROUTES: Array<{ endpoint: FakeEndpoint; method: string; pattern: RegExp }> = [
  { endpoint: "upsertContact", method: "POST", pattern: /^\/contact\/create_or_update\/([^/]+)$/ },
  { endpoint: "assignConversation", method: "POST", pattern: /^\/contact\/([^/]+)\/conversation\/assignee$/ },
  { endpoint: "updateLifecycle", method: "POST", pattern: /^\/contact\/([^/]+)\/lifecycle\/update$/ },
  { endpoint: "conversationStatus", method: "POST", pattern: /^\/contact\/([^/]+)\/conversation\/status$/ },
  { endpoint: "getContact", method: "GET", pattern: /^\/contact\/([^/]+)$/ },
];

/**
 * A local stand-in for the Respond.io Developer API v2 on 127.0.0.1 (tests never reach the internet).
 * - `start()` returns the base URL (`http://127.0.0.1:<port>/v2`) for RESPONDIO_API_URL.
 * - Every call is recorded in `calls`; `contacts` holds the contacts by decoded identifier.
 * - Without programming it answers like the API: upserts create/merge a contact, the other three
 *   update it (404 for an unknown contact), a wrong bearer token is 401.
 * - `queue(endpoint, ...answers)` makes the next calls to that endpoint answer so, in order
 *   (`"ok"` keeps the normal behaviour for one call, e.g. to program the 2nd call only);
 *   `always(endpoint, answer)` answers every call so until `always(endpoint, null)`.
 * - `waitForCalls(endpoint, n)` resolves once n calls to it have arrived (no timers in tests).
 */
export class FakeRespondio {
  readonly calls: RecordedCall[] = [];
  readonly contacts = new Map<string, FakeContact>();
  private readonly queued = new Map<FakeEndpoint, FakeAnswer[]>();
  private readonly standing = new Map<FakeEndpoint, FakeAnswer>();
  private readonly waiters: Array<{ endpoint: FakeEndpoint; count: number; resolve: () => void }> = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  constructor(readonly options: { token?: string; basePath?: string } = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Idle keep-alive sockets outlive the client's pool (fetch reuses them for ~timeout - 1 s), so a
    // busy test never sends a request on a socket the fake is closing ("other side closed").
    this.server.keepAliveTimeout = 60_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.basePath}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  queue(endpoint: FakeEndpoint, ...answers: FakeAnswer[]): this {
    this.queued.set(endpoint, [...(this.queued.get(endpoint) ?? []), ...answers]);
    return this;
  }

  always(endpoint: FakeEndpoint, answer: FakeAnswer | null): this {
    if (answer === null) {
      this.standing.delete(endpoint);
    } else {
      this.standing.set(endpoint, answer);
    }
    return this;
  }

  /** Forgets calls, contacts and programmed answers (the server keeps running). */
  reset(): void {
    this.calls.length = 0;
    this.contacts.clear();
    this.queued.clear();
    this.standing.clear();
  }

  callsTo(endpoint: FakeEndpoint): RecordedCall[] {
    return this.calls.filter((call) => call.endpoint === endpoint);
  }

  waitForCalls(endpoint: FakeEndpoint, count: number): Promise<void> {
    if (this.callsTo(endpoint).length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ endpoint, count, resolve }));
  }

  private get basePath(): string {
    return (this.options.basePath ?? "/v2").replace(/\/+$/, "");
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString("utf8");
    const url = req.url ?? "/";
    const path = url.startsWith(this.basePath) ? url.slice(this.basePath.length).split("?")[0]! : url;
    const route = url.startsWith(this.basePath) ? ROUTES.find((r) => r.method === req.method && r.pattern.test(path)) : undefined;
    const encoded = route ? route.pattern.exec(path)![1]! : null;
    let body: unknown;
    let badJson = false;
    try {
      body = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      badJson = true;
      body = text;
    }
    const call: RecordedCall = {
      endpoint: route?.endpoint ?? null,
      method: req.method ?? "",
      path,
      identifier: encoded === null ? null : decodeURIComponent(encoded),
      headers: { ...req.headers },
      body,
    };
    this.calls.push(call);
    this.notify();
    if (!route) {
      return send(res, 404, { message: `no route ${req.method} ${path}` });
    }
    const answer = this.queued.get(route.endpoint)?.shift() ?? this.standing.get(route.endpoint) ?? "ok";
    if (answer !== "ok") {
      if ("hang" in answer) {
        return; // answered never; stop() or the client's abort closes the socket
      }
      if ("reset" in answer) {
        req.socket.destroy();
        return;
      }
      return send(res, answer.status, answer.body ?? {}, answer.headers);
    }
    if (this.options.token !== undefined && req.headers.authorization !== `Bearer ${this.options.token}`) {
      return send(res, 401, { message: "Unauthorized" });
    }
    if (badJson) {
      return send(res, 400, { message: "Body is not valid JSON" });
    }
    this.behave(route.endpoint, call.identifier!, (body ?? {}) as Record<string, unknown>, res);
  }

  /** The normal behaviour of each endpoint against the contact store. */
  private behave(endpoint: FakeEndpoint, identifier: string, body: Record<string, unknown>, res: ServerResponse): void {
    let contact = this.contacts.get(identifier);
    if (endpoint === "upsertContact") {
      contact ??= { id: this.contacts.size + 1, identifier, upserts: 0, fields: {}, assignee: null, lifecycle: null, conversationStatus: null };
      contact.upserts += 1;
      contact.fields = { ...contact.fields, ...body };
      this.contacts.set(identifier, contact);
      return send(res, 200, { code: 200, message: "Success", data: { contactId: contact.id } });
    }
    if (!contact) {
      return send(res, 404, { code: 404, message: `Contact not found: ${identifier}` });
    }
    if (endpoint === "assignConversation") {
      contact.assignee = body.assignee;
    } else if (endpoint === "updateLifecycle") {
      contact.lifecycle = body.name;
    } else if (endpoint === "conversationStatus") {
      contact.conversationStatus = body.status;
    } else {
      return send(res, 200, { id: contact.id, ...contact.fields, lifecycle: contact.lifecycle });
    }
    send(res, 200, { code: 200, message: "Success" });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (this.callsTo(waiter.endpoint).length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}
