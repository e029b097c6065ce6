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
import type { BenchContext, BenchSuite, SuiteResult } from "./bench-suite";
import { planMoves } from "./board-load.bench";
import { processCpuMs } from "./graphql-vs-raw.bench";
import { responseProblem } from "./load-driver";
import { SimulatedUser, type LoadDocuments } from "./realtime-client";
import { DeliveryTracker } from "./realtime-delivery";
import { ACTION_KINDS, accountPicker, loadShape, planUsers, userScript } from "./realtime-mix";
import { count, GRACE_MS, LoadRecorder, PROBE_EVERY_MS, realtimeFigures, realtimeNotes, WARM_UP_MS, type RunFacts } from "./realtime-report";
import { prepareLoadLogins, type LoadLogin } from "./realtime-users";

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
      const documents: LoadDocuments = {
        board: webOperation(ctx.root, "Board"),
        accounts: webOperation(ctx.root, "Accounts"),
        panel: webOperation(ctx.root, "AccountPanel"),
        move: webOperation(ctx.root, "KanbanMoveAccount"),
        note: webOperation(ctx.root, "AddNote"),
        subscription: webOperation(ctx.root, "AccountChanged"),
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
      };
      return { figures: realtimeFigures(recorder, summary, seconds), notes: realtimeNotes(facts, recorder, summary) };
    } finally {
      await Promise.all(users.map((u) => u.close()));
      await second?.stop();
    }
  },
};
