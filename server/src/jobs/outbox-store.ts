import { In, type DataSource } from "typeorm";
import { dialectOf } from "../db/data-source";
import { withLockRetry } from "../db/lock-retry";
import { dateParam, placeholders } from "../db/sql-values";
import { OutboxEntity, type OutboxStatus } from "./outbox.entity";

export interface ClaimOptions {
  limit: number;
  /** The claimed rows are not due again before this much time: a claimer that dies lets them come back then. */
  leaseMs: number;
  /** The in-process runner counts the claim as a run; the relay does not (BullMQ counts its runs). */
  countAttempt: boolean;
  now?: Date;
}

/**
 * Claims due pending rows for one claimer: several relays or runners at once never get the same row.
 * MySQL/MariaDB: `FOR UPDATE SKIP LOCKED` in a short transaction that moves `available_at` past a lease.
 * SQLite has one writer: a compare-and-set on `available_at` per row (no transaction is held open,
 * since a better-sqlite3 DataSource shares one connection with every other query of the process).
 */
export async function claimDue(dataSource: DataSource, options: ClaimOptions): Promise<OutboxEntity[]> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const attempts = options.countAttempt ? ", attempts = attempts + 1" : "";
  if (dialectOf(dataSource) === "mysql") {
    // Concurrent relays/runners (SKIP LOCKED claims next to other claims' UPDATEs) can make
    // InnoDB pick this transaction as a deadlock victim: nothing was claimed, so claim again.
    return withLockRetry(() =>
      dataSource.transaction(async (manager) => {
        const rows: Array<{ id: number }> = await manager.query(
          "SELECT id FROM outbox WHERE status = 'pending' AND available_at <= ? ORDER BY available_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
          [now, options.limit],
        );
        const ids = rows.map((row) => Number(row.id));
        if (ids.length === 0) {
          return [];
        }
        await manager.query(`UPDATE outbox SET available_at = ?, updated_at = ?${attempts} WHERE id IN (${placeholders(ids.length)})`, [leaseUntil, now, ...ids]);
        return manager.getRepository(OutboxEntity).find({ where: { id: In(ids) }, order: { id: "ASC" } });
      }),
    );
  }
  const candidates: Array<{ id: number; available_at: string }> = await dataSource.query(
    "SELECT id, available_at FROM outbox WHERE status = 'pending' AND available_at <= ? ORDER BY available_at, id LIMIT ?",
    [dateParam("sqlite", now), options.limit],
  );
  const claimed: number[] = [];
  for (const candidate of candidates) {
    const result = await dataSource
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ availableAt: leaseUntil, updatedAt: now, ...(options.countAttempt ? { attempts: () => "attempts + 1" } : {}) })
      .where("id = :id AND status = 'pending' AND available_at = :at", { id: candidate.id, at: candidate.available_at })
      .execute();
    if (result.affected === 1) {
      claimed.push(candidate.id);
    }
  }
  return claimed.length === 0 ? [] : dataSource.getRepository(OutboxEntity).find({ where: { id: In(claimed) }, order: { id: "ASC" } });
}

/** Claimed rows now in BullMQ. */
export async function markDispatched(dataSource: DataSource, ids: number[], now = new Date()): Promise<void> {
  if (ids.length > 0) {
    await withLockRetry(() => dataSource.getRepository(OutboxEntity).update({ id: In(ids), status: "pending" }, { status: "dispatched", dispatchedAt: now, updatedAt: now }));
  }
}

/** Gives claimed rows back (Redis unreachable, shutdown): due again at `availableAt`. */
export async function releaseClaim(dataSource: DataSource, ids: number[], availableAt: Date, uncountAttempt = false): Promise<void> {
  if (ids.length > 0) {
    await dataSource
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ availableAt, ...(uncountAttempt ? { attempts: () => "CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END" } : {}) })
      .where({ id: In(ids), status: "pending" })
      .execute();
  }
}

/**
 * A run of the row's job is going on: touches `updated_at`, which the relay's re-offer of jobs Redis lost
 * requires to be older than a job lock. The worker calls it when a run starts and every half lock while
 * it lasts, so a run that outlives its BullMQ job (Redis restarted empty under it) is never offered again
 * beside itself.
 */
export async function markRunning(dataSource: DataSource, jobId: string, now = new Date()): Promise<void> {
  await dataSource.getRepository(OutboxEntity).update({ jobId, status: In(["pending", "dispatched"]) }, { updatedAt: now });
}

export interface RunRecord {
  status: OutboxStatus;
  attempts: number;
  lastError?: string | null;
  detail?: string | null;
  availableAt?: Date;
}

/**
 * Writes how a run of the job ended into its row (the prospect's sync state). `onlyIf` guards against
 * overwriting a newer state, e.g. an admin retry that reset the row meanwhile.
 */
export async function recordRun(dataSource: DataSource, jobId: string, record: RunRecord, onlyIf: OutboxStatus[] = ["pending", "dispatched"]): Promise<void> {
  await dataSource.getRepository(OutboxEntity).update(
    { jobId, status: In(onlyIf) },
    {
      status: record.status,
      attempts: record.attempts,
      updatedAt: new Date(),
      ...(record.lastError !== undefined ? { lastError: record.lastError } : {}),
      ...(record.detail !== undefined ? { detail: record.detail } : {}),
      ...(record.availableAt ? { availableAt: record.availableAt } : {}),
    },
  );
}

/**
 * Admin retry: failed rows (all, or those of `ids`) start over as pending with no attempts; the relay
 * (which first removes the finished BullMQ job holding the jobId) or the in-process runner runs them
 * again. Returns how many rows were requeued.
 */
export async function requeueFailed(dataSource: DataSource, ids?: number[]): Promise<number> {
  const now = new Date();
  const result = await dataSource
    .getRepository(OutboxEntity)
    .update({ status: "failed", ...(ids ? { id: In(ids) } : {}) }, { status: "pending", attempts: 0, availableAt: now, updatedAt: now, lastError: null, detail: null });
  return result.affected ?? 0;
}
