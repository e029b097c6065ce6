import { QueryFailedError } from "typeorm";

/**
 * True when a write failed on a unique index (MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE constraint):
 * the loser of a race that a read-then-insert check could not see.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) {
    return false;
  }
  const driver = error.driverError as { code?: unknown; errno?: unknown } | undefined;
  return driver?.code === "ER_DUP_ENTRY" || driver?.errno === 1062 || driver?.code === "SQLITE_CONSTRAINT_UNIQUE";
}
