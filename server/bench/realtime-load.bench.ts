/**
 * realtime-load (issue 11): a sales floor on the real-time board. A fixed number of people for a
 * fixed time (100 for 60 s; --quick 20 for 10 s), each subscribed to accountChanged over graphql-ws
 * and working through the web's own documents with think times — board, accounts page, side panel,
 * Kanban moves of their own accounts, notes — against the built API: two instances sharing the bench
 * database and Redis (users alternate between them), or one with the in-memory bus when Redis does
 * not answer. Every answer that is not a clean GraphQL success is an error, and so is every event
 * a subscriber should have received (the mover, the account's owner, every manager) and did not.
 */
import { cpus, loadavg } from "node:os";
import { redisAnswers, startBenchApi, type RunningBenchApi } from "./bench-api";
import { webOperation } from "./bench-documents";
import type { BenchContext, BenchSuite, Figure, SuiteResult } from "./bench-suite";
import { planMoves } from "./board-load.bench";
import { processCpuMs } from "./graphql-vs-raw.bench";
import { responseProblem } from "./load-driver";
import { ACCOUNTS_FIRST, BENCH_ACCOUNT_CHANGED, BOARD_FIRST, LoadRecorder, SimulatedUser, type LoadDocuments } from "./realtime-client";
import { DeliveryTracker, spread } from "./realtime-delivery";
import { ACTION_KINDS, ACTION_MIX, accountPicker, loadShape, planUsers, userScript, type LoadShape } from "./realtime-mix";
import { prepareLoadLogins, type LoadLogin } from "./realtime-users";
import { round } from "./stats";

/** After the last action, how long subscribers get to receive the events still on their way. */
const GRACE_MS = 10_000;
/** How long the warm-up (every user's first board and note) waits for its events. */
const WARM_UP_MS = 30_000;
/** The `{ __typename }` probe beside the users: one request every this often, the instances in turn. */
const PROBE_EVERY_MS = 1_000;

/** `{ __typename }` to each API in turn until `deadline`: the wait any request had at the same moments. */
async function probe(apis: readonly string[], token: string, deadline: number, recorder: LoadRecorder): Promise<void> {
  for (let i = 0; performance.now() + PROBE_EVERY_MS < deadline; i += 1) {
    await new Promise((done) => setTimeout(done, PROBE_EVERY_MS));
    const sent = performance.now();
    let problem: string | null;
    try {
      const response = await fetch(`${apis[i % apis.length]}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ __typename }" }),
        signal: AbortSignal.timeout(30_000),
      });
      problem = responseProblem(response.status, await response.text(), (data) => (data.__typename === "Query" ? null : "no __typename"));
    } catch (error) {
      problem = `request failed: ${(error as Error).message}`;
    }
    recorder.request("probe", performance.now() - sent, problem === null ? null : `{ __typename }: ${problem}`);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!condition() && performance.now() - started < timeoutMs) {
    await new Promise((done) => setTimeout(done, 100));
  }
  return performance.now() - started;
}

/** Whether the web has the operation (the web's subscription document may not exist yet). */
function hasWebOperation(root: string, name: string): boolean {
  try {
    webOperation(root, name);
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`no operation ${name}`)) {
      return false;
    }
    throw error;
  }
}

/** The board's columns (as the manager sees them): the statuses moves go between. */
async function boardStatuses(ctx: BenchContext, board: string): Promise<number[]> {
  const response = await fetch(`${ctx.api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.api.token}` },
    body: JSON.stringify({ query: board, operationName: "Board", variables: { first: 1 } }),
  });
  let statusIds: number[] = [];
  const problem = responseProblem(response.status, await response.text(), (data) => {
    statusIds = ((data.board as { columns?: Array<{ status: { id: number } }> } | null)?.columns ?? []).map((c) => c.status.id);
    return statusIds.length > 1 ? null : "fewer than two columns";
  });
  if (problem !== null) {
    throw new Error(`realtime-load: the board query failed before the load: ${problem}`);
  }
  return statusIds;
}

/** Each SDR's moves: every account of theirs once, to another column, in order. */
function moveQueue(login: LoadLogin, statusIds: readonly number[]): () => { account: LoadLogin["accounts"][number]; toStatusId: number } | null {
  const planned = planMoves(login.accounts, statusIds);
  let next = 0;
  return () => {
    const account = login.accounts[next];
    const move = planned[next];
    next += 1;
    return account && move ? { account, toStatusId: move.followUpStatusId } : null;
  };
}

function describeMix(): string {
  const part = (role: keyof typeof ACTION_MIX) => ACTION_MIX[role].map(([kind, weight]) => `${kind} ${weight} %`).join(", ");
  return `SDRs: ${part("sdr")}; managers: ${part("manager")}`;
}

interface RunFacts {
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
  /** Whether the subscribers sent the web's AccountChanged document (else the bench's lighter one). */
  webSubscription: boolean;
}

function notes(facts: RunFacts, recorder: LoadRecorder, summary: ReturnType<DeliveryTracker["summary"]>, logins: readonly LoadLogin[]): string[] {
  const { shape } = facts;
  const sdrs = logins.filter((l) => l.scope !== null).length;
  const out = [
    `${shape.users} simulated people (${sdrs} SDRs, ${shape.users - sdrs} managers) for ${shape.seconds} s (${facts.seconds.toFixed(1)} s measured), on loopback against the built API: ` +
      (facts.instances > 1
        ? `${facts.instances} API processes (\`node server/dist/main.js\`) on the same bench database and Redis, users alternating between them, so most events cross instances through Redis pub/sub. `
        : `ONE API process with the in-memory bus: ${facts.redis ? "a second instance was not started" : "Redis did not answer on 127.0.0.1:6379, so the two-instance deployment could not run"}. `) +
      `Each person has a bench login of their own (created once, reused: carga-sdr-NNN / carga-gerente-NNN@example.com) and a fresh API token; ` +
      `each SDR owns ${shape.accountsPerSdr} live prospects (handed over from the volume set: created by and assigned to them), a manager sees every account. ` +
      `Each opens a graphql-ws subscription to accountChanged on their instance (Bearer token in connectionParams) with ` +
      (facts.webSubscription
        ? "the web's AccountChanged document (the account with every field its card, list row and side panel show, and the note), so each delivery resolves what the web's does, "
        : "the bench's own selection (kind, ids, the card's status and version): the web has no AccountChanged document in this tree, and its selection would cost more per delivery, ") +
      `then works: a think time drawn evenly from ${shape.thinkMs.min / 1000}–${shape.thinkMs.max / 1000} s, ` +
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
const count = (n: number): string => n.toLocaleString("en-US");

function figures(recorder: LoadRecorder, summary: ReturnType<DeliveryTracker["summary"]>, seconds: number): Figure[] {
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

export const realtimeLoadSuite: BenchSuite = {
  id: "realtime-load",
  title: "Real-time board under load: subscribed users on two API instances",
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const shape = loadShape(ctx.quick);
    const redis = await redisAnswers();
    let second: RunningBenchApi | null = null;
    const users: SimulatedUser[] = [];
    try {
      if (redis) {
        second = await startBenchApi({ databaseUrl: ctx.databaseUrl, root: ctx.root });
        ctx.log(`second API instance at ${second.url}`);
      } else {
        ctx.log("Redis does not answer on 127.0.0.1:6379: one API instance with the in-memory bus");
      }
      const apis = [ctx.api.url, ...(second ? [second.url] : [])];
      const webSubscription = hasWebOperation(ctx.root, "AccountChanged");
      const documents: LoadDocuments = {
        board: webOperation(ctx.root, "Board"),
        accounts: webOperation(ctx.root, "Accounts"),
        panel: webOperation(ctx.root, "AccountPanel"),
        move: webOperation(ctx.root, "KanbanMoveAccount"),
        note: webOperation(ctx.root, "AddNote"),
        subscription: webSubscription ? webOperation(ctx.root, "AccountChanged") : BENCH_ACCOUNT_CHANGED,
      };
      const statusIds = await boardStatuses(ctx, documents.board);
      const plan = planUsers(shape, apis.length);
      const logins = await prepareLoadLogins(ctx.dataSource, plan, shape.accountsPerSdr);
      const byIndex = new Map(logins.map((l) => [l.user.index, l]));
      const sees = (user: number, accountId: number) => {
        const scope = byIndex.get(user)?.scope;
        return scope === null || scope?.has(accountId) === true;
      };
      const recipientsOf = (accountId: number) => logins.filter((l) => sees(l.user.index, accountId)).map((l) => l.user.index);
      const sdrAccounts = logins.flatMap((l) => l.accounts.map((a) => a.id));
      const tracker = new DeliveryTracker(
        sees,
        (user) => byIndex.get(user)?.user.instance ?? 0,
        (user) => byIndex.get(user)?.user.role ?? "unknown",
      );
      const recorder = new LoadRecorder();
      for (const login of logins) {
        users.push(
          new SimulatedUser(login, {
            apiUrl: apis[login.user.instance]!,
            documents,
            pickAccount: accountPicker(login.user, login.scope === null ? sdrAccounts : login.accounts.map((a) => a.id)),
            nextMove: moveQueue(login, statusIds),
            recipientsOf,
            tracker,
            recorder,
          }),
        );
      }
      ctx.log(`${logins.length} users on ${apis.length} instance(s): subscribing`);
      const subscribed = await Promise.allSettled(users.map((u) => u.subscribe()));
      const refused = subscribed.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
      if (refused.length > 0) {
        throw new Error(`realtime-load: ${refused.length} of ${users.length} subscriptions to accountChanged failed to open, e.g. ${refused[0]}`);
      }
      ctx.log("warm-up: a board and a note each, then every expected event");
      await Promise.all(users.map(async (u) => (await u.act("board", false), await u.act("note", false))));
      const warmUpMs = await waitFor(() => tracker.pending() === 0, WARM_UP_MS);
      // The warm-up's answers are not part of the load's latencies (its errors stay counted).
      for (const kind of ACTION_KINDS) {
        recorder.latencies.delete(kind);
      }

      ctx.log(`load: ${shape.users} users for ${shape.seconds} s`);
      const pids = [ctx.api.pid, second?.pid].filter((pid): pid is number => pid !== undefined && pid > 0);
      const apiCpu = (): number | null => {
        let total = 0;
        for (const pid of pids) {
          const ms = processCpuMs(pid);
          if (ms === null) {
            return null;
          }
          total += ms;
        }
        return total;
      };
      const cpuBefore = apiCpu();
      const loadBefore = loadavg()[0] ?? 0;
      const started = performance.now();
      const deadline = started + shape.seconds * 1000;
      await Promise.all([...users.map((u, i) => u.run(userScript(plan[i]!, shape, logins[i]!.accounts.length), deadline)), probe(apis, ctx.api.token, deadline, recorder)]);
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = apiCpu();
      const loadAfter = loadavg()[0] ?? 0;
      const graceMs = await waitFor(() => tracker.pending() === 0, GRACE_MS);
      const summary = tracker.summary();
      ctx.log(
        `load done: ${count(recorder.requestCount())} requests, ${count(summary.delivered)}/${count(summary.expected)} events delivered; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}` +
          (cpuBefore === null || cpuAfter === null ? "" : `, API CPU ${((cpuAfter - cpuBefore) / 1000).toFixed(1)} s over ${seconds.toFixed(0)} s`),
      );
      const facts: RunFacts = {
        shape,
        instances: apis.length,
        redis,
        seconds,
        warmUpMs,
        graceMs,
        cores: cpus().length,
        load: [loadBefore, loadAfter],
        apiCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        webSubscription,
      };
      return { figures: figures(recorder, summary, seconds), notes: notes(facts, recorder, summary, logins) };
    } finally {
      await Promise.all(users.map((u) => u.close()));
      await second?.stop();
    }
  },
};
