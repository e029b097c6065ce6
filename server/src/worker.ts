/** The worker process (REDIS_URL required): the outbox relay and the BullMQ workers. The API process migrates. */
import "reflect-metadata";
import { ConfigError, env } from "./config/env";
import { createDataSource } from "./db/data-source";
import { logRespondioStatus } from "./integrations/respondio/respondio.client";
import { startJobProcess } from "./jobs/job-process";
import { defaultJobHandlers } from "./jobs/job-registry";
import { createLogger } from "./logger";

async function main(): Promise<void> {
  const config = env();
  if (!config.REDIS_URL) {
    process.stderr.write("The worker needs REDIS_URL. Without Redis, `npm start` runs the background jobs inside the API process.\n");
    process.exit(1);
  }
  const logger = createLogger(config);
  const dataSource = await createDataSource(config.DATABASE_URL);
  await dataSource.initialize();
  logRespondioStatus(config, logger);
  const jobs = startJobProcess({ config, dataSource, logger, handlers: defaultJobHandlers() });
  await jobs.workers.ready();
  logger.info({ pid: process.pid }, "worker started");
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, "worker shutting down");
    setTimeout(() => process.exit(1), config.JOB_SHUTDOWN_GRACE_MS + 15_000).unref();
    void jobs
      .stop()
      .then(() => dataSource.destroy())
      .then(() => {
        logger.info("worker stopped");
        process.exit(0);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
