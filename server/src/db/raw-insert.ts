import { QueryFailedError, type EntityManager } from "typeorm";
import { dialectOf } from "./data-source";
import { placeholders } from "./sql-values";

/**
 * One multi-row INSERT of `rows` (values in `columns` order), as plain SQL with `?`
 * placeholders; returns the driver's raw result (MySQL: the first insertId; SQLite: the last
 * rowid). For bulk writes where TypeORM's insert builder costs more than the database;
 * columns left out get their defaults. No subscribers run.
 *
 * Dates are sent as UTC text `YYYY-MM-DD HH:MM:SS.mmm`, which both dialects store as TypeORM
 * does (mysql2 is configured with timezone "Z"), and each distinct Date is formatted once per
 * call: bulk rows share one `now`, and mysql2 formatting a Date per cell allocated ~0.7 KB each
 * (a 100,000-row import commit writes ~600,000 of them).
 *
 * On MySQL/MariaDB, inside a transaction, the statement runs as a prepared statement (binary
 * protocol: values are written to the packet as they are) instead of TypeORM's `query`, whose
 * client-side formatting builds the SQL text one concatenation per value: ~3.5 KB of garbage
 * per imported row, which made a 100,000-row import commit peak at ~350 MB RSS. mysql2 keeps
 * the few statement shapes prepared per connection. Errors are QueryFailedErrors as usual.
 */
export async function insertValues(manager: EntityManager, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<unknown> {
  const quote = dialectOf(manager.connection) === "mysql" ? (name: string) => `\`${name}\`` : (name: string) => `"${name}"`;
  const tuple = `(${placeholders(columns.length)})`;
  const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(", ")}`;
  const dates = new Map<Date, string>();
  const params: unknown[] = [];
  for (const row of rows) {
    for (const value of row) {
      params.push(value instanceof Date ? dateText(dates, value) : (value ?? null));
    }
  }
  return dialectOf(manager.connection) === "mysql" ? executePrepared(manager, sql, params) : manager.query(sql, params);
}

/** The part of a mysql2 connection used here (callback API, as TypeORM holds it). */
interface Mysql2Connection {
  execute(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

async function executePrepared(manager: EntityManager, sql: string, params: unknown[]): Promise<unknown> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) {
    return manager.query(sql, params);
  }
  const connection = (await runner.connect()) as Mysql2Connection;
  manager.connection.logger.logQuery(sql, params, runner);
  return new Promise((resolve, reject) => {
    connection.execute(sql, params, (error, result) => {
      if (error) {
        manager.connection.logger.logQueryError(error, sql, params, runner);
        reject(new QueryFailedError(sql, params, error));
      } else {
        resolve(result);
      }
    });
  });
}

function dateText(cache: Map<Date, string>, date: Date): string {
  let text = cache.get(date);
  if (text === undefined) {
    text = date.toISOString().slice(0, 23).replace("T", " ");
    cache.set(date, text);
  }
  return text;
}
