/**
 * board-load: the Kanban's two round trips under load, through the built API over loopback.
 * The board query is the web's own document (web/src/features/crm/kanban/Kanban.graphql, every
 * column with its first 20 cards) and the move is its KanbanMoveAccount mutation, each account
 * moved once to another real status with the version it has, so every move is a real write
 * (status, version, status-change note) that must succeed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toGlobalId } from "../src/graphql/global-id";
import type { BenchContext, BenchSuite, Figure, FigureUnit, SuiteResult } from "./bench-suite";
import { load, paced, responseProblem, type LoadPlan, type LoadRequest, type LoadRun, type UsersPlan } from "./load-driver";
import { round } from "./stats";

/** Cards per column, as the web asks (boardFirstCards). */
const BOARD_FIRST = 20;
const CONNECTIONS = 50;
const MOVE_P99_TARGET_MS = 50;
/** Each of the CONNECTIONS users moves a card this many times a second (a brisk user; a real one drags far less often). */
const USER_MOVES_PER_SECOND = 1;

interface Plans {
  typename: LoadPlan;
  board: LoadPlan;
  move: LoadPlan;
}

function usersPlan(quick: boolean, users: number): UsersPlan {
  const seconds = quick ? 6 : 20;
  return { users, perUserPerSecond: USER_MOVES_PER_SECOND, seconds, amount: users * USER_MOVES_PER_SECOND * seconds };
}

function plans(quick: boolean, connections: number): { one: Plans; many: Plans } {
  if (quick) {
    return {
      one: { typename: { connections: 1, amount: 100, seconds: 3 }, board: { connections: 1, amount: 15, seconds: 5 }, move: { connections: 1, amount: 50, seconds: 3 } },
      many: { typename: { connections, amount: 1_000, seconds: 5 }, board: { connections, amount: 150, seconds: 10 }, move: { connections, amount: 400, seconds: 8 } },
    };
  }
  return {
    one: { typename: { connections: 1, amount: 300, seconds: 8 }, board: { connections: 1, amount: 40, seconds: 15 }, move: { connections: 1, amount: 150, seconds: 8 } },
    many: { typename: { connections, amount: 5_000, seconds: 15 }, board: { connections, amount: 600, seconds: 30 }, move: { connections, amount: 2_000, seconds: 20 } },
  };
}

export interface MoveCandidate {
  id: number;
  version: number;
  statusId: number;
}

export interface PlannedMove {
  accountId: string;
  followUpStatusId: number;
  version: number;
}

/**
 * Moves for `candidates`: each account once (so the version read at setup is the current one),
 * each to a real status other than its own, the targets rotating so every column sends and
 * receives.
 */
export function planMoves(candidates: readonly MoveCandidate[], statusIds: readonly number[]): PlannedMove[] {
  if (statusIds.length < 2) {
    throw new Error("board-load needs at least two active follow-up statuses to move between");
  }
  return candidates.map((account, i) => {
    const from = statusIds.indexOf(account.statusId);
    const step = 1 + (i % (statusIds.length - 1));
    const to = from === -1 ? statusIds[i % statusIds.length]! : statusIds[(from + step) % statusIds.length]!;
    return { accountId: toGlobalId("Account", account.id), followUpStatusId: to, version: account.version };
  });
}

/** The web's Kanban document: the whole file, one operation picked by name (its fragments are shared). */
function kanbanDocument(root: string): string {
  return readFileSync(join(root, "web/src/features/crm/kanban/Kanban.graphql"), "utf8");
}

async function moveCandidates(ctx: BenchContext, count: number): Promise<MoveCandidate[]> {
  // Live accounts (the manager sees all) spread over the whole table, so moves touch old and new rows.
  const rows: Array<{ id: number | string; version: number | string; follow_up_id: number | string }> = await ctx.dataSource.query(
    "SELECT id, version, follow_up_id FROM prospection_users WHERE status IN (1, 2) ORDER BY id",
  );
  if (rows.length < count) {
    throw new Error(`board-load needs ${count} live accounts to move once each; the bench database has ${rows.length}`);
  }
  const stride = rows.length / count;
  return Array.from({ length: count }, (_, i) => rows[Math.floor(i * stride)]!).map((r) => ({ id: Number(r.id), version: Number(r.version), statusId: Number(r.follow_up_id) }));
}

function figure(key: string, label: string, value: number, unit: FigureUnit, baseline?: { label: string; value: number; unit: FigureUnit }, target?: Figure["target"]): Figure {
  return { key, label, value: round(value, 1), unit, ...(baseline ? { baseline: { ...baseline, value: round(baseline.value, 1) } } : {}), ...(target ? { target } : {}) };
}

export const boardLoadSuite: BenchSuite = {
  id: "board-load",
  title: "Kanban under load: board query and moveAccount",
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const document = kanbanDocument(ctx.root);
    const { one, many } = plans(ctx.quick, CONNECTIONS);
    const typename = JSON.stringify({ query: "{ __typename }" });
    const trivial: LoadRequest = { next: () => ({ body: typename, check: (data) => (data.__typename === "Query" ? null : "no __typename") }) };

    // The columns the web shows: one board read tells which statuses are real move targets.
    const boardBody = JSON.stringify({ query: document, operationName: "Board", variables: { first: BOARD_FIRST } });
    const probe = await fetch(`${ctx.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ctx.api.token}` },
      body: boardBody,
    });
    const probeText = await probe.text();
    let statusIds: number[] = [];
    const probeProblem = responseProblem(probe.status, probeText, (data) => {
      const columns = (data.board as { columns?: Array<{ status: { id: number } }> } | null)?.columns ?? [];
      statusIds = columns.map((c) => c.status.id);
      return columns.length > 1 ? null : "fewer than two columns";
    });
    if (probeProblem !== null) {
      throw new Error(`board-load: the board query failed before the load: ${probeProblem}`);
    }
    const columnCount = statusIds.length;
    const board: LoadRequest = {
      next: () => ({
        body: boardBody,
        check: (data) => {
          const columns = (data.board as { columns?: Array<{ cards: { edges: unknown[] } }> } | null)?.columns;
          if (!columns || columns.length !== columnCount) {
            return `expected ${columnCount} columns, got ${columns?.length ?? "none"}`;
          }
          return columns.some((c) => c.cards.edges.length > BOARD_FIRST) ? "a column has more cards than asked" : null;
        },
      }),
    };

    const users = usersPlan(ctx.quick, CONNECTIONS);
    const candidates = await moveCandidates(ctx, one.move.amount + many.move.amount + users.amount);
    const moves = planMoves(candidates, statusIds);
    const moveQueue = (list: PlannedMove[]): LoadRequest => {
      let next = 0;
      return {
        next: () => {
          const input = list[next % list.length]!;
          next += 1;
          return {
            body: JSON.stringify({ query: document, operationName: "KanbanMoveAccount", variables: { input } }),
            check: (data) => {
              const moved = data.moveAccount as { id: string; version: number; followUpStatus: { id: number } } | null;
              if (!moved || moved.id !== input.accountId) return "moveAccount answered another account";
              if (moved.followUpStatus.id !== input.followUpStatusId) return `status ${moved.followUpStatus.id}, expected ${input.followUpStatusId}`;
              return moved.version === input.version + 1 ? null : `version ${moved.version}, expected ${input.version + 1}`;
            },
          };
        },
      };
    };
    const moveOne = moves.slice(0, one.move.amount);
    const moveMany = moves.slice(one.move.amount, one.move.amount + many.move.amount);
    const moveUsers = moves.slice(one.move.amount + many.move.amount);

    // Warm-up (JIT, pool connections, catalog cache), not measured.
    await load(ctx, { connections: CONNECTIONS, amount: CONNECTIONS * 2, seconds: 10 }, trivial);
    await load(ctx, { connections: 2, amount: 4, seconds: 20 }, board);

    ctx.log(`board-load: { __typename } at 1 and ${CONNECTIONS} connections`);
    const trivialOne = await load(ctx, one.typename, trivial);
    const trivialMany = await load(ctx, many.typename, trivial);
    ctx.log(`board-load: board (${columnCount} columns × ${BOARD_FIRST} cards) at 1 and ${CONNECTIONS} connections`);
    const boardOne = await load(ctx, one.board, board);
    const boardMany = await load(ctx, many.board, board);
    ctx.log(`board-load: moveAccount at 1 and ${CONNECTIONS} connections`);
    const moveOneRun = await load(ctx, one.move, moveQueue(moveOne));
    const moveManyRun = await load(ctx, many.move, moveQueue(moveMany));
    ctx.log(`board-load: moveAccount by ${CONNECTIONS} users, ${USER_MOVES_PER_SECOND} move a second each`);
    const moveUsersRun = await paced(ctx, users, moveQueue(moveUsers));

    const floor = (run: LoadRun, what: "p50" | "p99") => ({ label: `{ __typename } ${what} at ${run.connections} connection${run.connections > 1 ? "s" : ""}`, value: run[what], unit: "ms" as const });
    const floorRate = (run: LoadRun) => ({ label: `{ __typename } at ${run.connections} connection${run.connections > 1 ? "s" : ""}`, value: run.throughput, unit: "req/s" as const });
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 1) : 0);
    const figures: Figure[] = [
      figure("board.c50.p50", `board p50 at ${CONNECTIONS} connections`, boardMany.p50, "ms", floor(trivialMany, "p50")),
      figure("board.c50.p99", `board p99 at ${CONNECTIONS} connections`, boardMany.p99, "ms", floor(trivialMany, "p99")),
      figure("board.c50.throughput", `board throughput at ${CONNECTIONS} connections`, boardMany.throughput, "req/s", floorRate(trivialMany)),
      figure("board.c1.p50", "board p50 at 1 connection", boardOne.p50, "ms", floor(trivialOne, "p50")),
      figure("board.c1.p99", "board p99 at 1 connection", boardOne.p99, "ms", floor(trivialOne, "p99")),
      figure("board.c1.throughput", "board throughput at 1 connection", boardOne.throughput, "req/s", floorRate(trivialOne)),
      figure("move.c50.p50", `moveAccount p50 at ${CONNECTIONS} connections`, moveManyRun.p50, "ms", floor(trivialMany, "p50")),
      figure("move.c50.p99", `moveAccount p99 at ${CONNECTIONS} connections`, moveManyRun.p99, "ms", floor(trivialMany, "p99")),
      figure("move.c50.throughput", `moveAccount throughput at ${CONNECTIONS} connections`, moveManyRun.throughput, "req/s", floorRate(trivialMany)),
      figure("move.c1.p50", "moveAccount p50 at 1 connection", moveOneRun.p50, "ms", floor(trivialOne, "p50")),
      figure("move.users.p50", `moveAccount p50, ${CONNECTIONS} users moving a card every second each`, moveUsersRun.p50, "ms", { label: "moveAccount p50 at 1 connection", value: moveOneRun.p50, unit: "ms" }),
      figure("move.users.p99", `moveAccount p99, ${CONNECTIONS} users moving a card every second each`, moveUsersRun.p99, "ms", { label: "moveAccount p99 at 1 connection", value: moveOneRun.p99, unit: "ms" }, {
        text: `≤ ${MOVE_P99_TARGET_MS} ms at ${CONNECTIONS} concurrent users`,
        met: moveUsersRun.p99 <= MOVE_P99_TARGET_MS,
      }),
      figure("board.errors", "board responses with errors", boardOne.errors + boardMany.errors, "count", undefined, { text: "0", met: boardOne.errors + boardMany.errors === 0 }),
      figure("move.errors", "moveAccount responses with errors", moveOneRun.errors + moveManyRun.errors + moveUsersRun.errors, "count", undefined, {
        text: "0",
        met: moveOneRun.errors + moveManyRun.errors + moveUsersRun.errors === 0,
      }),
    ];
    const firstErrors = [boardOne, boardMany, moveOneRun, moveManyRun, moveUsersRun].map((r) => r.firstError).filter((e): e is string => e !== null);
    const notes = [
      `Loopback autocannon against the built API with a manager's Bearer token; each run stops at its request count or its duration, whichever comes first ` +
        `(${ctx.quick ? "quick" : "full"}: board ${many.board.amount} requests / ${many.board.seconds} s, moves ${many.move.amount} / ${many.move.seconds} s at ${CONNECTIONS} connections). ` +
        `Board: the web's Board document (${columnCount} columns, first ${BOARD_FIRST} cards each, card fields as the Kanban renders them) over ${ctx.accounts.toLocaleString("en-US")} volume accounts; ` +
        `its cards are ${BOARD_FIRST + 1} index rows per column, its totals one COUNT/SUM grouped by status over every visible account joined to its follow-up data ` +
        `(index entries only: (follow_up_id, status) and, forced on MariaDB, (prospect_id, account_value)), so the totals grow with the accounts; ` +
        `concurrent boards with the same visibility and filter share the totals read in flight (never one started before a write the API committed), ` +
        `so ${CONNECTIONS} connections cost about one totals read at a time, not ${CONNECTIONS}. ` +
        `Moves: the web's KanbanMoveAccount mutation, ${moveOneRun.requests + moveManyRun.requests + moveUsersRun.requests} distinct accounts spread over the table, each moved once to another active status with its current version, ` +
        `so each is a real write (status, version, status-change note in one transaction); a response counts as an error unless it is HTTP 200 without GraphQL errors and names the new status and version. ` +
        `"${CONNECTIONS} concurrent users" is read as ${CONNECTIONS} users each moving a card every ${1 / USER_MOVES_PER_SECOND} s, their moments spread over the second (${users.amount} moves over ${users.seconds} s, fetch with keep-alive), ` +
        `which is where the target applies; the runs "at ${CONNECTIONS} connections" send each request the moment the previous one is answered, so they measure the saturated API's queue ` +
        `(by Little's law, ${CONNECTIONS} clients at ${round(moveManyRun.throughput)} moves/s wait about ${round((CONNECTIONS / Math.max(moveManyRun.throughput, 1)) * 1000)} ms each), not a user's wait.`,
      `Baseline: \`{ __typename }\` at the same concurrency, in the same run. It goes through everything a request pays whatever it asks — HTTP, the per-IP/per-token limits, ` +
        `the Bearer token lookup, Apollo's parse/validate — and, at ${CONNECTIONS} connections, the queueing of ${CONNECTIONS} clients on this shared 2-core machine; ` +
        `the ratio to it is what the board's SQL and the move's transaction add (${ratio(moveManyRun.p99, trivialMany.p99)}× for the move p99, ${ratio(boardMany.p99, trivialMany.p99)}× for the board p99). ` +
        `At 1 connection: board p50 ${round(boardOne.p50)} ms, move p50 ${round(moveOneRun.p50)} ms, \`{ __typename }\` p50 ${round(trivialOne.p50)} ms.`,
    ];
    const cutOffs = [
      ["board", boardMany],
      ["move", moveManyRun],
    ] as const;
    const cut = cutOffs.filter(([, run]) => run.cutOff > 0).map(([name, run]) => `${name}: ${run.cutOff} (oldest ${round(run.oldestCutOff / 1000)} s)`);
    if (cut.length > 0) {
      notes.push(`Requests still in flight when a run at ${CONNECTIONS} connections ended count in its percentiles at their age then (a lower bound): ${cut.join("; ")}.`);
    }
    if (moveUsersRun.p99 > MOVE_P99_TARGET_MS) {
      notes.push(
        `Move p99 target missed (${round(moveUsersRun.p99)} ms > ${MOVE_P99_TARGET_MS} ms at ${CONNECTIONS} users; p50 ${round(moveUsersRun.p50)} ms; one connection alone: p50 ${round(moveOneRun.p50)} ms, p99 ${round(moveOneRun.p99)} ms). ` +
          `A move is one transaction of four statements (the account read in scope, the compare-and-set UPDATE, its re-read, the note INSERT) and batched reads for the card's fields, ` +
          `each waiting for the same MariaDB and the same 2 cores as every other process on this shared machine.`,
      );
    }
    if (firstErrors.length > 0) {
      notes.push(`First error: ${firstErrors[0]}`);
    }
    return { figures, notes };
  },
};
