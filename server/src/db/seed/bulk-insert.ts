import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { dialectOf } from "../data-source";

/**
 * Parameters per INSERT. Far below both limits (better-sqlite3: 32,766 variables; MariaDB:
 * max_allowed_packet, 16 MB by default), because TypeORM's query builder slows down
 * superlinearly with the number of parameters of one statement: measured on 60k rows,
 * ~2,000 parameters per statement (about 150 rows) was fastest on both dialects and
 * 1,000-row statements took 2.5 times as long.
 */
const PARAMETERS_PER_STATEMENT = 2000;

/** Rows per INSERT for an entity: every column is sent, so its column count decides. */
export function rowsPerStatement(manager: EntityManager, target: EntityTarget<ObjectLiteral>): number {
  const columns = manager.connection.getMetadata(target).columns.length;
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
}

/**
 * Multi-row INSERTs in chunks through the query builder. `updateEntity(false)`: TypeORM
 * would otherwise SELECT every inserted row back to fill defaults we do not need.
 * SQLite writes NULL (not the column default) for a missing value, so callers set every
 * NOT NULL column, timestamps included.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: ReadonlyArray<QueryDeepPartialEntity<T>>,
): Promise<void> {
  const size = rowsPerStatement(manager, target);
  for (let start = 0; start < rows.length; start += size) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + size))
      .updateEntity(false)
      .execute();
  }
}

/**
 * The id the next row of a table will get when the seed sets ids itself. Seeds choose ids
 * so children can reference their parents without reading every parent back; both
 * dialects accept explicit ids on an auto-increment column and move the counter past them.
 * Safe because seeding runs under the seed lock, with no concurrent writer of these tables.
 */
export async function nextId(manager: EntityManager, target: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await manager.createQueryBuilder(target, "t").select("MAX(t.id)", "max").getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0) + 1;
}

export async function countRows(manager: EntityManager, target: EntityTarget<ObjectLiteral>): Promise<number> {
  return manager.getRepository(target).count();
}

/**
 * Runs one seeding step in a transaction, serialized across processes: several API
 * processes booting at once against one MySQL would otherwise all see a catalog row
 * "missing" and insert it. SQLite is the single-process embedded store, so the
 * transaction alone is enough there.
 */
export async function inSeedTransaction<T>(dataSource: DataSource, lockName: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const mysql = dialectOf(dataSource) === "mysql";
  try {
    if (mysql) {
      const rows = (await runner.query("SELECT GET_LOCK(?, 60) AS got", [lockName])) as Array<{ got: number | string | null }>;
      if (Number(rows[0]?.got) !== 1) {
        throw new Error(`Seeding: could not take the lock ${lockName} within 60 s (another process is seeding)`);
      }
    }
    try {
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error: unknown) {
        await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      if (mysql) {
        // A pooled connection keeps its named locks: release before handing it back.
        await runner.query("SELECT RELEASE_LOCK(?)", [lockName]);
      }
    }
  } finally {
    await runner.release();
  }
}
