import type { DataSource } from "typeorm";
import { dialectOf } from "./data-source";

/** The MySQL named lock one migrating process holds; the others wait for it. */
const MIGRATION_LOCK = "crm_migrations";
/** How long a process waits for another's migrations (a long migration on a large table included). */
const MIGRATION_LOCK_WAIT_SECONDS = 600;

/**
 * Applies pending migrations, each in its own transaction; returns their names. On MySQL every
 * process holds a named lock while it migrates: several API replicas start at once (docker compose,
 * a Kubernetes rollout), and MySQL's DDL is not transactional, so two would both create the first
 * table and one would crash. The one that waited then finds nothing pending.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (dialectOf(dataSource) === "sqlite") {
    return names(await dataSource.runMigrations({ transaction: "each" }));
  }
  // A named lock belongs to a connection: hold one aside from the pool's migration connections.
  const runner = dataSource.createQueryRunner("master");
  await runner.connect();
  try {
    const rows = (await runner.query("SELECT GET_LOCK(?, ?) AS got", [MIGRATION_LOCK, MIGRATION_LOCK_WAIT_SECONDS])) as Array<{ got: number | string | null }>;
    if (Number(rows[0]?.got) !== 1) {
      throw new Error(`Migrations: could not take the lock ${MIGRATION_LOCK} within ${MIGRATION_LOCK_WAIT_SECONDS} s (another process is migrating)`);
    }
    try {
      return names(await dataSource.runMigrations({ transaction: "each" }));
    } finally {
      await runner.query("SELECT RELEASE_LOCK(?)", [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

function names(applied: ReadonlyArray<{ name: string }>): string[] {
  return applied.map((m) => m.name);
}
