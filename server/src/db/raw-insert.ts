import type { EntityManager } from "typeorm";
import { dialectOf } from "./data-source";
import { dateParam, placeholders } from "./sql-values";

/**
 * One multi-row INSERT of `rows` (values in `columns` order, Dates converted per dialect),
 * as plain SQL with `?` placeholders; returns the driver's raw result (MySQL: the first
 * insertId; SQLite: the last rowid). For bulk writes where TypeORM's insert builder costs
 * more than the database; columns left out get their defaults. No subscribers run.
 */
export async function insertValues(manager: EntityManager, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<unknown> {
  const dialect = dialectOf(manager.connection);
  const quote = (name: string) => (dialect === "mysql" ? `\`${name}\`` : `"${name}"`);
  const tuple = `(${placeholders(columns.length)})`;
  const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`;
  return manager.query(sql, rows.flatMap((row) => row.map((value) => (value instanceof Date ? dateParam(dialect, value) : value))));
}

