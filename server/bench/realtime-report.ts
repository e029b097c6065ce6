/**
 * realtime-load's recordings and report, without I/O: the latencies and errors of the users'
 * requests and sockets, and the figures and notes BENCHMARKS.md shows for a run.
 */
import type { Figure } from "./bench-suite";
import { spread, type DeliverySummary } from "./realtime-delivery";
import { ACCOUNTS_FIRST, ACTION_KINDS, ACTION_MIX, BOARD_FIRST, type ActionKind, type LoadShape } from "./realtime-mix";
import { round } from "./stats";

/** After the last action, how long subscribers get to receive the events still on their way. */
export const GRACE_MS = 10_000;
/** How long the warm-up (every user's first board and note) waits for its events. */
export const WARM_UP_MS = 30_000;
/** The `{ __typename }` probe beside the users: one request every this often, the instances in turn. */
export const PROBE_EVERY_MS = 1_000;

/** What the recorder counts: the users' actions, their sockets, and the `{ __typename }` probe beside them. */
export type RecordedKind = ActionKind | "socket" | "probe";

/** Latencies and errors of every user, by action. */
export class LoadRecorder {
  readonly latencies = new Map<ActionKind | "probe", number[]>();
  readonly errors = new Map<RecordedKind, number>();
  readonly firstErrors: string[] = [];

  request(kind: ActionKind | "probe", ms: number, problem: string | null): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (problem !== null) {
      this.error(kind, problem);
    }
  }

  error(kind: RecordedKind, problem: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.firstErrors.length < 5) {
      this.firstErrors.push(`${kind}: ${problem}`);
    }
  }

  errorCount(kind?: RecordedKind): number {
    return kind ? (this.errors.get(kind) ?? 0) : [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  /** The users' requests (the probe's left out). */
  requestCount(): number {
    return [...this.latencies].reduce((sum, [kind, list]) => (kind === "probe" ? sum : sum + list.length), 0);
  }
}

function describeMix(): string {
  const part = (role: keyof typeof ACTION_MIX) => ACTION_MIX[role].map(([kind, weight]) => `${kind} ${weight} %`).join(", ");
  return `SDRs: ${part("sdr")}; managers: ${part("manager")}`;
}

/** What the suite knows of its run besides the recordings. */
export interface RunFacts {
  shape: LoadShape;
  instances: number;
  redis: boolean;
  seconds: number;
  warmUpMs: number;
  graceMs: number;
  cores: number;
  /** The machine's 1-minute load average as the load started and ended. */
  load: [number, number];
  /** CPU time of the API processes during the load, in ms (null where /proc is missing). */
  apiCpuMs: number | null;
}

/** The section's paragraphs: the load, what counts as an error, the machine, the first problems. */
export function realtimeNotes(facts: RunFacts, recorder: LoadRecorder, summary: DeliverySummary): string[] {
  const { shape } = facts;
  const sdrs = shape.users - shape.managers;
  const out = [
    `${shape.users} simulated people (${sdrs} SDRs, ${shape.users - sdrs} managers) for ${shape.seconds} s (${facts.seconds.toFixed(1)} s measured), on loopback against the built API: ` +
      (facts.instances > 1
        ? `${facts.instances} API processes (\`node server/dist/main.js\`) on the same bench database and Redis, users alternating between them, so most events cross instances through Redis pub/sub. `
        : `ONE API process with the in-memory bus: ${facts.redis ? "a second instance was not started" : "Redis did not answer on 127.0.0.1:6379, so the two-instance deployment could not run"}. `) +
      `Each person has a bench login of their own (created once, reused: carga-sdr-NNN / carga-gerente-NNN@example.com) and a fresh API token; ` +
      `each SDR owns ${shape.accountsPerSdr} live prospects (handed over from the volume set: created by and assigned to them), a manager sees every account. ` +
      `Each opens a graphql-ws subscription to accountChanged on their instance (Bearer token in connectionParams) with the web's AccountChanged document ` +
      `(the account with every field its card, list row and side panel show, and the note), so each delivery resolves what the web's does, then works: a think time drawn evenly from ${shape.thinkMs.min / 1000}–${shape.thinkMs.max / 1000} s, ` +
      `then one action awaited, drawn by weight (${describeMix()}). The actions are the web's own documents: Board (Kanban.graphql, ${BOARD_FIRST} cards per column), Accounts (a page of ${ACCOUNTS_FIRST}), AccountPanel, ` +
      `KanbanMoveAccount (one of the SDR's accounts, each moved at most once a run, to another column, with its version) and AddNote (an SDR on their own accounts, a manager on an SDR's). ` +
      `Before the clock starts every person loads the board and writes one note, and then waits (at most ${WARM_UP_MS / 1000} s; ${(facts.warmUpMs / 1000).toFixed(1)} s this time) until every subscriber received the notes it must see: the warm-up's misses count, its times do not.`,
    `Errors: an HTTP answer that is not 200, a GraphQL error, an answer that fails its check (the moved account's new status and version, the note's id, the panel's account, the page sizes, and no account outside an SDR's scope on their board or list), a request failure or 30 s timeout, ` +
      `a socket closed or failed before the end, a subscription error or completion; an expected event not received ${GRACE_MS / 1000} s after the last action (the wait ended after ${(facts.graceMs / 1000).toFixed(1)} s), ` +
      `the same event twice to one subscriber, and any event about an account outside the subscriber's scope. Who must receive what: a move or a note reaches the account's owner (the SDR) and every manager, ` +
      `so a move made on one instance is delivered on both. Delivery time: from the write's request being sent to the event at the subscriber (so it includes the write itself). ` +
      `Baseline of the latencies: \`{ __typename }\` sent every ${PROBE_EVERY_MS / 1000} s beside the users (the instances in turn), what any request waited at the same moments; its errors count as request errors.`,
    `Machine: ${facts.cores} shared cores running both API processes, MariaDB, Redis and this driver (${shape.users} sockets and their HTTP requests) together, and whatever else the machine runs: ` +
      `its 1-minute load average was ${facts.load[0].toFixed(1)} as the load started and ${facts.load[1].toFixed(1)} as it ended` +
      (facts.apiCpuMs === null ? "" : `; the API process${facts.instances > 1 ? "es" : ""} used ${(facts.apiCpuMs / 1000).toFixed(1)} s of CPU over the ${facts.seconds.toFixed(0)} s (${((facts.apiCpuMs / 10 / facts.seconds)).toFixed(0)} % of one core)`) +
      `. Latencies are a guide to how the deployment behaves under this load, not the capacity of a server.`,
  ];
  const unmatched = summary.unmatched > 0 ? ` ${summary.unmatched} events in scope that no write of this run explains (another process writing to the bench database or publishing on the same Redis channel) were received and not counted.` : "";
  if (recorder.firstErrors.length > 0 || summary.firstProblem) {
    out.push(`First problems: ${[...recorder.firstErrors, ...(summary.firstProblem ? [summary.firstProblem] : [])].join(" · ")}.${unmatched}`);
  } else if (unmatched) {
    out.push(unmatched.trim());
  }
  return out;
}

/** A count in a label, with thousands separators like the values. */
export const count = (n: number): string => n.toLocaleString("en-US");

/** The section's figures: every error count with its 0 target, latencies beside the probe, delivery times. */
export function realtimeFigures(recorder: LoadRecorder, summary: DeliverySummary, seconds: number): Figure[] {
  const zero = (n: number) => ({ text: "0", met: n === 0 });
  const requestErrors = ACTION_KINDS.reduce((sum, kind) => sum + recorder.errorCount(kind), recorder.errorCount("probe"));
  const socketErrors = recorder.errorCount("socket");
  const eventErrors = summary.missed + summary.duplicates + summary.outOfScope;
  const out: Figure[] = [
    { key: "realtime.errors", label: "errors in all: requests, sockets and events", value: requestErrors + socketErrors + eventErrors, unit: "count", target: zero(requestErrors + socketErrors + eventErrors) },
    { key: "realtime.requests.errors", label: `requests with errors (of ${count(recorder.requestCount())})`, value: requestErrors, unit: "count", target: zero(requestErrors) },
    { key: "realtime.sockets.errors", label: "subscription sockets closed, failed or completed early", value: socketErrors, unit: "count", target: zero(socketErrors) },
    { key: "realtime.events.missed", label: `events expected and never received (of ${count(summary.expected)})`, value: summary.missed, unit: "count", target: zero(summary.missed) },
    { key: "realtime.events.duplicates", label: "events received twice by a subscriber", value: summary.duplicates, unit: "count", target: zero(summary.duplicates) },
    { key: "realtime.events.outOfScope", label: "events about an account outside the subscriber's scope", value: summary.outOfScope, unit: "count", target: zero(summary.outOfScope) },
    { key: "realtime.events.delivered", label: `events delivered (${count(summary.crossInstance)} of them from a write on the other instance)`, value: summary.delivered, unit: "count" },
    { key: "realtime.throughput", label: "requests answered per second, all users", value: round(recorder.requestCount() / seconds, 1), unit: "req/s" },
  ];
  // Baseline: what any request waited at the same moments (HTTP, token lookup, the shared cores' queue).
  const probe = spread(recorder.latencies.get("probe") ?? []);
  for (const kind of ACTION_KINDS) {
    const s = spread(recorder.latencies.get(kind) ?? []);
    for (const p of ["p50", "p95", "p99"] as const) {
      const baseline = { label: `{ __typename } ${p} during the load (${count(probe.count)} probes)`, value: round(probe[p], 1), unit: "ms" as const };
      out.push({ key: `realtime.${kind}.${p}`, label: `${kind} ${p} (${count(s.count)} requests)`, value: round(s[p], 1), unit: "ms", baseline });
    }
  }
  for (const [kind, name] of [
    ["MOVED", "move"],
    ["NOTE_ADDED", "note"],
  ] as const) {
    const s = spread(summary.latencies[kind]);
    for (const p of ["p50", "p95", "p99"] as const) {
      out.push({ key: `realtime.delivery.${name}.${p}`, label: `${kind} delivered to a subscriber who must see it, ${p} (${count(s.count)} deliveries)`, value: round(s[p], 1), unit: "ms" });
    }
  }
  // Who waits: the mover's own board, or the managers' (each receives every move of the floor).
  const mover = spread(summary.byGroup.MOVED.sdr ?? []);
  const managers = spread(summary.byGroup.MOVED.manager ?? []);
  for (const p of ["p50", "p95"] as const) {
    out.push({ key: `realtime.delivery.move.sdr.${p}`, label: `MOVED delivered to the mover, ${p} (${count(mover.count)} deliveries)`, value: round(mover[p], 1), unit: "ms" });
  }
  for (const p of ["p50", "p95"] as const) {
    out.push({
      key: `realtime.delivery.move.manager.${p}`,
      label: `MOVED delivered to the managers, ${p} (${count(managers.count)} deliveries)`,
      value: round(managers[p], 1),
      unit: "ms",
      baseline: { label: `to the mover, ${p}`, value: round(mover[p], 1), unit: "ms" },
    });
  }
  return out;
}

