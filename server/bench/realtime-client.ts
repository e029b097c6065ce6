/**
 * One simulated person of realtime-load: a graphql-ws subscription to accountChanged on their API
 * instance (Bearer token in connectionParams, as an integration connects) and a loop of the web
 * app's own documents over HTTP with think times between them. Every answer that is not a clean
 * GraphQL success is an error; so is a socket that closes or fails before the run ends it.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { fromGlobalId, toGlobalId } from "../src/graphql/global-id";
import { responseProblem } from "./load-driver";
import { addedNoteId, checkAccountsPage, checkBoard, checkMove, checkPanel, type AnswerCheck } from "./realtime-answers";
import type { DeliveryTracker } from "./realtime-delivery";
import { ACCOUNTS_FIRST, BOARD_FIRST, type ActionKind, type ScriptStep } from "./realtime-mix";
import type { LoadRecorder } from "./realtime-report";
import type { LoadAccount, LoadLogin } from "./realtime-users";


/** The web's operations the users send, each with its fragments (webOperation). */
export interface LoadDocuments {
  board: string;
  accounts: string;
  panel: string;
  move: string;
  note: string;
  /** The web's subscription operation AccountChanged (features/crm/realtime). */
  subscription: string;
}

/** What a user needs besides their login: where to send, what, and who else must see their writes. */
export interface UserWiring {
  apiUrl: string;
  documents: LoadDocuments;
  /** The next account to open or note (seeded). */
  pickAccount: () => number;
  /** The next move of an SDR: the account, its target status and version, or null when none is left. */
  nextMove: () => { account: LoadAccount; toStatusId: number } | null;
  /** The users (indexes) who must receive an event about the account. */
  recipientsOf: (accountId: number) => readonly number[];
  tracker: DeliveryTracker;
  recorder: LoadRecorder;
}


export class SimulatedUser {
  private client: Client | null = null;
  private closing = false;
  private notes = 0;

  constructor(
    private readonly login: LoadLogin,
    private readonly wiring: UserWiring,
  ) {}

  /** Opens the socket and the subscription; resolves once the server acknowledged the connection. */
  subscribe(timeoutMs = 30_000): Promise<void> {
    const { recorder, tracker } = this.wiring;
    const index = this.login.user.index;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`user ${index}: no connection_ack within ${timeoutMs} ms`)), timeoutMs);
      let connected = false;
      const client = createClient({
        url: `${this.wiring.apiUrl.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${this.login.token}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: (error) => {
          if (!this.closing) {
            recorder.error("socket", `user ${index}: ${describeSocketError(error)}`);
          }
        },
        on: {
          connected: () => {
            connected = true;
            clearTimeout(timer);
            resolve();
          },
          closed: (event) => {
            if (!connected) {
              clearTimeout(timer);
              reject(new Error(`user ${index}: the socket closed before connection_ack (${describeSocketError(event)})`));
            }
          },
        },
      });
      this.client = client;
      client.subscribe<{ accountChanged: SubscriptionEvent }>(
        { query: this.wiring.documents.subscription, operationName: "AccountChanged" },
        {
          next: (result) => {
            const at = performance.now();
            const event = result.data?.accountChanged;
            if (result.errors?.length || !event) {
              recorder.error("socket", `user ${index}: subscription result ${result.errors?.[0]?.message ?? "without data"}`);
              return;
            }
            tracker.receive(index, { kind: event.kind, accountId: Number(fromGlobalId(event.accountId).id), noteId: event.note?.id ?? null }, at);
          },
          error: (error) => {
            if (!this.closing) {
              recorder.error("socket", `user ${index}: subscription failed: ${describeSocketError(error)}`);
            }
          },
          complete: () => {
            if (!this.closing) {
              recorder.error("socket", `user ${index}: the server completed the subscription`);
            }
          },
        },
      );
    });
  }

  /** Follows the script until `deadline` (performance.now()): a think time, then an action, each answer awaited. */
  async run(script: readonly ScriptStep[], deadline: number): Promise<void> {
    for (const step of script) {
      if (performance.now() + step.thinkMs >= deadline) {
        return;
      }
      await new Promise((done) => setTimeout(done, step.thinkMs));
      await this.act(step.action);
    }
  }

  /** One action, measured; its write's event is expected once the write succeeded. */
  async act(action: ActionKind, measured = true): Promise<void> {
    const { documents, tracker } = this.wiring;
    const index = this.login.user.index;
    const scope = this.login.scope;
    const inScope = (accountId: number) => scope === null || scope.has(accountId);
    if (action === "board") {
      await this.send(action, documents.board, "Board", { first: BOARD_FIRST }, checkBoard(BOARD_FIRST, inScope));
      return;
    }
    if (action === "accounts") {
      await this.send(action, documents.accounts, "Accounts", { first: ACCOUNTS_FIRST }, checkAccountsPage(ACCOUNTS_FIRST, inScope));
      return;
    }
    if (action === "panel") {
      const id = toGlobalId("Account", this.wiring.pickAccount());
      await this.send(action, documents.panel, "AccountPanel", { id }, checkPanel(id));
      return;
    }
    const move = action === "move" ? this.wiring.nextMove() : null;
    if (move) {
      const { account, toStatusId } = move;
      const input = { accountId: toGlobalId("Account", account.id), followUpStatusId: toStatusId, version: account.version };
      const sentAt = performance.now();
      const ok = await this.send(action, documents.move, "KanbanMoveAccount", { input }, checkMove(input.accountId, toStatusId, account.version));
      if (ok) {
        account.version += 1;
        account.statusId = toStatusId;
        tracker.expect(`MOVED:${account.id}`, "MOVED", sentAt, this.wiring.recipientsOf(account.id), { measured, origin: this.login.user.instance });
      }
      return;
    }
    // A note (or a move with no account left to move).
    const accountId = this.login.accounts.length > 0 ? this.login.accounts[this.notes % this.login.accounts.length]!.id : this.wiring.pickAccount();
    this.notes += 1;
    const sentAt = performance.now();
    let noteId: string | null = null;
    const ok = await this.send(
      "note",
      documents.note,
      "AddNote",
      { input: { accountId: toGlobalId("Account", accountId), comment: `Llamada de seguimiento (carga ${index}.${this.notes})` } },
      (data) => {
        noteId = addedNoteId(data);
        return noteId ? null : "addNote without an id";
      },
    );
    if (ok && noteId) {
      tracker.expect(`NOTE_ADDED:${noteId}`, "NOTE_ADDED", sentAt, this.wiring.recipientsOf(accountId), { measured, origin: this.login.user.instance });
    }
  }

  /** Closes the socket (the run is over: a close from here on is not an error). */
  async close(): Promise<void> {
    this.closing = true;
    // A socket still connecting rejects its dispose with the close event: nothing left to clean.
    await Promise.resolve(this.client?.dispose()).catch(() => undefined);
  }

  private async send(kind: ActionKind, document: string, operationName: string, variables: Record<string, unknown>, check: AnswerCheck): Promise<boolean> {
    const sent = performance.now();
    let problem: string | null;
    try {
      const response = await fetch(`${this.wiring.apiUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.login.token}` },
        body: JSON.stringify({ query: document, operationName, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      problem = responseProblem(response.status, await response.text(), check);
    } catch (error) {
      problem = `request failed: ${(error as Error).message}`;
    }
    this.wiring.recorder.request(kind, performance.now() - sent, problem === null ? null : `user ${this.login.user.index} ${operationName}: ${problem}`);
    return problem === null;
  }
}

interface SubscriptionEvent {
  kind: string;
  accountId: string;
  note: { id: string } | null;
}

/** A close event's code and reason, or an error's message. */
function describeSocketError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && "reason" in error) {
    const close = error as { code: number; reason: string };
    return `closed ${close.code}${close.reason ? ` ${close.reason}` : ""}`;
  }
  if (error instanceof Error) {
    return error.message;
  }
  // ws's ErrorEvent (a failed handshake) is not an Error but carries one's message.
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  if (Array.isArray(error)) {
    return (error as Array<{ message?: string }>).map((e) => e.message ?? String(e)).join("; ");
  }
  return String(error);
}
