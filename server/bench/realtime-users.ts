/**
 * realtime-load's logins in the bench database: one user per simulated person (SDRs and managers,
 * created once and reused by later runs), each SDR owning accounts of their own (volume prospects
 * handed over to them: created by and assigned to them, so they see exactly those), and a fresh
 * API token per user and run (the previous run's tokens of these users are deleted).
 *
 * The handover keeps the number of account rows, so the bench database is still reused; it moves a
 * few thousand of the volume's 100,000 accounts away from the demo salesmen, which the suites that
 * depend on a salesman's accounts (the web suite's board filter) find by counting.
 */
import { randomBytes } from "node:crypto";
import { hash } from "bcryptjs";
import { In, type DataSource, type EntityManager } from "typeorm";
import { insertUsers, type NewUser } from "../src/db/seed/seed-refs";
import { AccountStatusCode, AccountTypeCode } from "../src/modules/accounts/account.entity";
import { ApiTokenEntity } from "../src/modules/auth/api-token.entity";
import { ApiTokenService } from "../src/modules/auth/api-token.service";
import { ApiTokenScope } from "../src/modules/auth/api-token.types";
import { PermissionEntity, UserPermissionEntity } from "../src/modules/auth/permission.entity";
import { UserEntity } from "../src/modules/auth/user.entity";
import { Viewer } from "../src/modules/auth/viewer";
import type { PlannedUser } from "./realtime-mix";

/** Permissions as the demo gives an SDR and the sales manager. */
const PERMISSIONS = {
  sdr: ["crm", "sdr", "kae"],
  manager: ["crm", "all-prospects", "crm-manager", "crm-edit-salesman-prospect", "crm-partners", "crm-menu"],
} as const;

/** An account an SDR moves: where it is and its version now. */
export interface LoadAccount {
  id: number;
  version: number;
  statusId: number;
}

/** One simulated person's login and accounts. */
export interface LoadLogin {
  user: PlannedUser;
  userId: number;
  name: string;
  /** Bearer secret, READ and WRITE scopes. */
  token: string;
  /** An SDR's working set (empty for a manager). */
  accounts: LoadAccount[];
  /** Every account in an SDR's scope (created by or assigned to them); null for a manager (all). */
  scope: ReadonlySet<number> | null;
}

/** The bench login of the planned user: the n-th SDR or manager of the plan, 1-based and zero-padded. */
export function loadUserOf(user: PlannedUser, ordinal: number): NewUser {
  const n = String(ordinal).padStart(3, "0");
  return user.role === "sdr"
    ? { email: `carga-sdr-${n}@example.com`, name: `SDR de carga ${n}`, permissions: PERMISSIONS.sdr }
    : { email: `carga-gerente-${n}@example.com`, name: `Gerente de carga ${n}`, permissions: PERMISSIONS.manager };
}

async function ensureUsers(manager: EntityManager, wanted: readonly NewUser[]): Promise<Map<string, UserEntity>> {
  const repo = manager.getRepository(UserEntity);
  const existing = await repo.findBy({ email: In(wanted.map((u) => u.email)) });
  const missing = wanted.filter((u) => !existing.some((e) => e.email === u.email));
  if (missing.length > 0) {
    // Nobody signs in with a password: a random one, hashed once.
    await insertUsers(manager, missing, await hash(randomBytes(18).toString("base64url"), 10), new Date());
  }
  const rows = await repo.findBy({ email: In(wanted.map((u) => u.email)) });
  return new Map(rows.map((u) => [u.email, u]));
}

type AccountRow = { id: number | string; version: number | string; follow_up_id: number | string };
const toAccount = (r: AccountRow): LoadAccount => ({ id: Number(r.id), version: Number(r.version), statusId: Number(r.follow_up_id) });

/**
 * Each SDR's first `perSdr` live prospects, handing over volume prospects (newest first, none of
 * another load user) to those who have fewer. One transaction: a failed handover leaves nothing.
 */
async function ensureAccounts(manager: EntityManager, sdrIds: readonly number[], loadUserIds: readonly number[], perSdr: number): Promise<Map<number, LoadAccount[]>> {
  const live = { status: AccountStatusCode.inProcess, types: [AccountTypeCode.prospect, AccountTypeCode.partnerProspect] };
  const owned = async (userId: number): Promise<LoadAccount[]> => {
    const rows: AccountRow[] = await manager.query(
      "SELECT id, version, follow_up_id FROM prospection_users WHERE created_by = ? AND salesman_id = ? AND status = ? AND type IN (?, ?) ORDER BY id LIMIT ?",
      [userId, userId, live.status, ...live.types, perSdr],
    );
    return rows.map(toAccount);
  };
  const result = new Map<number, LoadAccount[]>();
  const short: Array<{ userId: number; need: number }> = [];
  for (const userId of sdrIds) {
    const accounts = await owned(userId);
    result.set(userId, accounts);
    if (accounts.length < perSdr) {
      short.push({ userId, need: perSdr - accounts.length });
    }
  }
  const need = short.reduce((sum, s) => sum + s.need, 0);
  if (need === 0) {
    return result;
  }
  const pool: Array<{ id: number | string }> = await manager.query(
    `SELECT id FROM prospection_users WHERE status = ? AND type IN (?, ?) AND created_by NOT IN (${loadUserIds.map(() => "?").join(", ")})
       AND (salesman_id IS NULL OR salesman_id NOT IN (${loadUserIds.map(() => "?").join(", ")})) ORDER BY id DESC LIMIT ?`,
    [live.status, ...live.types, ...loadUserIds, ...loadUserIds, need],
  );
  if (pool.length < need) {
    throw new Error(`realtime-load needs ${need} more live prospects to hand to its SDRs; the bench database has ${pool.length} free`);
  }
  let next = 0;
  for (const { userId, need: count } of short) {
    const ids = pool.slice(next, next + count).map((r) => Number(r.id));
    next += count;
    await manager.query(`UPDATE prospection_users SET created_by = ?, salesman_id = ? WHERE id IN (${ids.map(() => "?").join(", ")})`, [userId, userId, ...ids]);
    result.set(userId, await owned(userId));
  }
  return result;
}

/** Every account in each SDR's scope (created by or assigned to them), whatever its status. */
async function scopes(dataSource: DataSource, sdrIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const result = new Map(sdrIds.map((id) => [id, new Set<number>()]));
  if (sdrIds.length === 0) {
    return result;
  }
  const marks = sdrIds.map(() => "?").join(", ");
  const rows: Array<{ id: number | string; created_by: number | string; salesman_id: number | string | null }> = await dataSource.query(
    `SELECT id, created_by, salesman_id FROM prospection_users WHERE created_by IN (${marks}) OR salesman_id IN (${marks})`,
    [...sdrIds, ...sdrIds],
  );
  for (const row of rows) {
    result.get(Number(row.created_by))?.add(Number(row.id));
    if (row.salesman_id !== null) {
      result.get(Number(row.salesman_id))?.add(Number(row.id));
    }
  }
  return result;
}

async function permissionKeys(dataSource: DataSource, userId: number): Promise<string[]> {
  const rows = await dataSource
    .createQueryBuilder()
    .select("p.key", "key")
    .from(UserPermissionEntity, "up")
    .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
    .where("up.user_id = :id", { id: userId })
    .getRawMany<{ key: string }>();
  return rows.map((r) => r.key);
}

/** The logins of `users` (created when missing), each SDR's accounts and a new API token each. */
export async function prepareLoadLogins(dataSource: DataSource, users: readonly PlannedUser[], accountsPerSdr: number): Promise<LoadLogin[]> {
  const ordinals = { sdr: 0, manager: 0 };
  const wanted = users.map((user) => ({ user, login: loadUserOf(user, (ordinals[user.role] += 1)) }));
  const { rows, accounts } = await dataSource.transaction(async (manager) => {
    const rows = await ensureUsers(manager, wanted.map((w) => w.login));
    const idOf = (email: string): number => {
      const row = rows.get(email);
      if (!row) {
        throw new Error(`realtime-load: user ${email} was inserted but cannot be read back`);
      }
      return row.id;
    };
    const sdrIds = wanted.filter((w) => w.user.role === "sdr").map((w) => idOf(w.login.email));
    const accounts = await ensureAccounts(manager, sdrIds, [...rows.values()].map((r) => r.id), accountsPerSdr);
    return { rows, accounts };
  });
  const userIds = [...rows.values()].map((r) => r.id);
  await dataSource.getRepository(ApiTokenEntity).delete({ userId: In(userIds) });
  const scopeOf = await scopes(dataSource, [...accounts.keys()]);
  const tokens = new ApiTokenService(dataSource);
  const stamp = new Date().toISOString();
  const logins: LoadLogin[] = [];
  for (const { user, login } of wanted) {
    const row = rows.get(login.email);
    if (!row) {
      throw new Error(`realtime-load: user ${login.email} is missing after its creation`);
    }
    const viewer = new Viewer(row.id, row.email, row.name, await permissionKeys(dataSource, row.id));
    const { secret } = await tokens.create(viewer, { name: `realtime-load ${stamp}`, scopes: [ApiTokenScope.READ, ApiTokenScope.WRITE] });
    logins.push({
      user,
      userId: row.id,
      name: row.name,
      token: secret,
      accounts: user.role === "sdr" ? (accounts.get(row.id) ?? []) : [],
      scope: user.role === "sdr" ? (scopeOf.get(row.id) ?? new Set()) : null,
    });
  }
  return logins;
}
