/** npm run db:migrate [-- --down]: applies pending migrations (or reverts the last one). */
import "reflect-metadata";
import { env } from "../config/env";
import { createLogger } from "../logger";
import { createDataSource } from "./data-source";
import { migrate } from "./migrate";

async function main(): Promise<void> {
  const logger = createLogger(env());
  const dataSource = await createDataSource(env().DATABASE_URL);
  await dataSource.initialize();
  try {
    if (process.argv.includes("--down")) {
      await dataSource.undoLastMigration({ transaction: "each" });
      logger.info("reverted the last migration");
      return;
    }
    const applied = await migrate(dataSource);
    logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
