import type { DataSource, Logger } from "typeorm";
import { testFlags } from "../src/config/env";
import { createDataSource, type Dialect } from "../src/db/data-source";
import { migrate } from "../src/db/migrate";
import { createScratchDatabase } from "../src/db/scratch-database";

/** The dialects integration suites run on: SQLite always, MariaDB when it answered in global setup. */
export function testDialects(): Dialect[] {
  return process.env.CRM_TEST_MARIADB === "1" ? ["sqlite", "mysql"] : ["sqlite"];
}

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A freshly created and migrated database of its own for one suite. */
/** `replicaUrls`: databases the DataSource reads from as replicas (MariaDB; the caller creates and drops them). */
export async function openTestDatabase(dialect: Dialect, options: { logger?: Logger; replicaUrls?: readonly string[] } = {}): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(dialect, testFlags().mariadbUrl, "crm_test");
  const dataSource = await createDataSource(scratch.url, { logger: options.logger, poolSize: 5, replicaUrls: options.replicaUrls });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
  } catch (error) {
    // An open pool would keep jest from exiting; the scratch database would outlive the run.
    if (dataSource.isInitialized) {
      await dataSource.destroy().catch(() => undefined);
    }
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return {
    url: scratch.url,
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
      await scratch.drop();
    },
  };
}
