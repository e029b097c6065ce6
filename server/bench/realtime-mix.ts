/**
 * realtime-load's plan, without I/O: how many users of which role on which API instance, and what
 * each does — a seeded sequence of actions with think times between them, drawn from the role's
 * mix. The same seed gives the same sequence, so two runs load the API the same way.
 */
import { Prng } from "../src/db/seed/prng";

/** Cards per column and accounts per page, as the web asks. */
export const BOARD_FIRST = 20;
export const ACCOUNTS_FIRST = 100;

export type LoadRole = "sdr" | "manager";
export type ActionKind = "board" | "accounts" | "panel" | "move" | "note";
export const ACTION_KINDS: readonly ActionKind[] = ["board", "accounts", "panel", "move", "note"];

/** The load of one run: a fixed user count for a fixed time. */
export interface LoadShape {
  users: number;
  /** Of `users`, how many are managers (see every account); the rest are SDRs. */
  managers: number;
  seconds: number;
  /** Think time between one answer and the user's next action, drawn evenly from [min, max]. */
  thinkMs: { min: number; max: number };
  /** Accounts each SDR owns (created and assigned): more than they can move in one run. */
  accountsPerSdr: number;
}

/** Full: 100 users for 60 s (issue 11); --quick: 20 users for 10 s. One manager in ten. */
export function loadShape(quick: boolean): LoadShape {
  const users = quick ? 20 : 100;
  return { users, managers: users / 10, seconds: quick ? 10 : 60, thinkMs: { min: 2_000, max: 6_000 }, accountsPerSdr: 40 };
}

/**
 * What each role does, by weight. SDRs work their own accounts: they open the board, the list and
 * an account, drag cards and log calls. Managers watch the whole floor: board, list, an account,
 * a note on a salesman's account; they do not drag their team's cards (a move of an account an SDR
 * is moving too would be a version conflict by design, not a load error).
 */
export const ACTION_MIX: Readonly<Record<LoadRole, ReadonlyArray<readonly [ActionKind, number]>>> = {
  sdr: [
    ["board", 25],
    ["accounts", 15],
    ["panel", 20],
    ["move", 25],
    ["note", 15],
  ],
  manager: [
    ["board", 35],
    ["accounts", 25],
    ["panel", 25],
    ["note", 15],
  ],
};

export interface PlannedUser {
  /** 0-based, stable: the seed of the user's script and the index of their bench login. */
  index: number;
  role: LoadRole;
  /** Which API instance serves the user (HTTP and subscription). */
  instance: number;
}

/**
 * The users of `shape` on `instances` API instances: managers spread evenly among the SDRs, the
 * SDRs and the managers each alternating between instances (so every move reaches managers on
 * its own instance and on the others).
 */
export function planUsers(shape: LoadShape, instances: number): PlannedUser[] {
  if (!Number.isInteger(shape.users) || shape.users < 1 || shape.managers < 0 || shape.managers >= shape.users) {
    throw new RangeError(`realtime-load: users must be ≥ 1 with fewer managers than users (got ${shape.users} users, ${shape.managers} managers)`);
  }
  if (!Number.isInteger(instances) || instances < 1) {
    throw new RangeError(`realtime-load: instances must be ≥ 1 (got ${instances})`);
  }
  const every = shape.managers > 0 ? shape.users / shape.managers : Infinity;
  const managerAt = new Set(Array.from({ length: shape.managers }, (_, k) => Math.floor(k * every)));
  const ordinals = { sdr: 0, manager: 0 };
  return Array.from({ length: shape.users }, (_, index) => {
    const role: LoadRole = managerAt.has(index) ? "manager" : "sdr";
    // Each role alternates on its own, so both instances have SDRs and managers.
    return { index, role, instance: ordinals[role]++ % instances };
  });
}

export interface ScriptStep {
  /** Wait this long after the previous answer (the first step waits too, spreading the start). */
  thinkMs: number;
  action: ActionKind;
}

/**
 * A user's actions for `seconds`: enough steps for the shortest think times (the run stops on the
 * clock, not at the end of the script). Moves beyond `moveBudget` (the accounts an SDR can move
 * once each) become notes, so no account is moved twice in a run and every MOVED event names one
 * move.
 */
export function userScript(user: PlannedUser, shape: Pick<LoadShape, "seconds" | "thinkMs">, moveBudget: number): ScriptStep[] {
  const rng = new Prng(1_000 + user.index);
  const steps = Math.ceil((shape.seconds * 1000) / shape.thinkMs.min) + 1;
  let moves = 0;
  return Array.from({ length: steps }, () => {
    const thinkMs = rng.int(shape.thinkMs.min, shape.thinkMs.max);
    let action = rng.weighted(ACTION_MIX[user.role]);
    if (action === "move") {
      moves += 1;
      if (moves > moveBudget) {
        action = "note";
      }
    }
    return { thinkMs, action };
  });
}

/** The account a user opens or writes a note on next: a seeded draw from theirs (an SDR's own, or every SDR's for a manager). */
export function accountPicker(user: PlannedUser, accountIds: readonly number[]): () => number {
  if (accountIds.length === 0) {
    throw new RangeError(`realtime-load: user ${user.index} (${user.role}) has no account to open`);
  }
  const rng = new Prng(5_000 + user.index);
  return () => rng.pick(accountIds);
}
