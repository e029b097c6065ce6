import type { Dialect } from "./data-source";

/** A DATETIME read by a raw query: mysql2 gives Dates, better-sqlite3 gives UTC text. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value;
  }
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

/** A Date as a raw-query parameter, in the form each dialect stores and compares. */
export function dateParam(dialect: Dialect, date: Date): Date | string {
  return dialect === "sqlite" ? date.toISOString().replace("T", " ").replace("Z", "") : date;
}

/** `?, ?, ?` for an IN list of raw-query parameters. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * A DATETIME column as exact text for keyset cursors: MySQL keeps microseconds that a JS
 * Date would lose; SQLite holds both "…:SS" (column defaults) and "…:SS.mmm" (values
 * TypeORM writes), so it is normalised there. Compare with `comparableDate`.
 */
export function dateSortKey(dialect: Dialect, column: string): string {
  return dialect === "sqlite" ? `strftime('%Y-%m-%d %H:%M:%f', ${column})` : `DATE_FORMAT(${column}, '%Y-%m-%d %H:%i:%s.%f')`;
}

/** The column side of a comparison with a `dateSortKey` value (indexable on MySQL). */
export function comparableDate(dialect: Dialect, column: string): string {
  return dialect === "sqlite" ? dateSortKey(dialect, column) : column;
}
