import { QueryFailedError } from "typeorm";

/** MySQL/MariaDB chose this transaction as a deadlock victim (or timed out a lock): safe to run again. */
function isLockConflict(error: unknown): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: unknown } | undefined) : undefined;
  return driver?.code === "ER_LOCK_DEADLOCK" || driver?.code === "ER_LOCK_WAIT_TIMEOUT";
}

/**
 * Runs one transaction (or single statement), again (up to 3 attempts) when MariaDB rolled it
 * back as a deadlock victim or timed out a lock: for work that is all-or-nothing and re-reads
 * what it needs (import batches, outbox claims), so retrying is safe. Routine under concurrent
 * writers; SQLite never raises these.
 */
export async function withLockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error: unknown) {
      if (attempt >= 3 || !isLockConflict(error)) {
        throw error;
      }
    }
  }
}
