/** The API process: migrate, seed catalogs (and demo data on an empty database), serve. */
import "reflect-metadata";
import { createServer } from "node:http";
import { createApp } from "./app";
import { ConfigError, env } from "./config/env";
import { createDataSource } from "./db/data-source";
import { migrate } from "./db/migrate";
import { seedCatalogs } from "./db/seed/catalogs.seed";
import { DEMO_LOGINS, seedDemo } from "./db/seed/demo.seed";
import { HttpDrain } from "./http-drain";
import { logRespondioStatus } from "./integrations/respondio/respondio.client";
import { defaultJobHandlers } from "./jobs/job-registry";
import { OutboxRunner } from "./jobs/outbox-runner";
import { createLogger } from "./logger";

async function main(): Promise<void> {
  const config = env();
  const logger = createLogger(config);
  // Replicas serve GraphQL queries only; migrations, seeding and jobs here run on the primary (db/read-routing.ts).
  const dataSource = await createDataSource(config.DATABASE_URL, { replicaUrls: config.DATABASE_REPLICA_URLS });
  await dataSource.initialize();
  const applied = await migrate(dataSource);
  if (applied.length > 0) {
    logger.info({ applied }, "migrations applied");
  }
  await seedCatalogs(dataSource);
  const seeded = config.DEMO_DATA ? await seedDemo(dataSource) : false;
  const crm = await createApp({ config, dataSource, logger });
  logRespondioStatus(config, logger);
  // Without Redis the API runs the jobs itself from the outbox; with it, `npm run worker` does.
  const runner = config.REDIS_URL ? null : new OutboxRunner({ dataSource, config, logger, handlers: defaultJobHandlers() });
  runner?.start();
  logger.info(runner ? "background jobs run in this process (no REDIS_URL)" : "background jobs run in the worker process (npm run worker)");
  // CSV imports whose process died mid-commit: claimed (one process wins) and resumed now,
  // and again every minute for those whose lease expires later (another process crashed).
  const resumeImports = () =>
    crm.services.imports.runner.resumeInterrupted().catch((err: unknown) => logger.error({ err }, "could not resume interrupted imports"));
  void resumeImports();
  const resumeTimer = setInterval(() => void resumeImports(), 60_000).unref();
  const drain = new HttpDrain();
  const server = createServer(drain.listener(crm.app));
  // GraphQL subscriptions (graphql-ws) on /graphql of the same server.
  crm.attach(server);
  server.listen(config.PORT, config.HOST, () => {
    // The bound port, not the configured one: PORT=0 lets the OS pick a free port atomically
    // (the browser-test harness does this and reads the URL from this line).
    const address = server.address();
    const url = `http://localhost:${typeof address === "object" && address ? address.port : config.PORT}`;
    const lines = [`CRM running at ${url}  (GraphQL: ${url}/graphql)`, `database: ${config.DATABASE_URL.replace(/\/\/[^@]*@/, "//***@")}`];
    if (config.DEMO_DATA) {
      lines.push(seeded ? "demo data seeded; logins:" : "demo logins:");
      lines.push(...DEMO_LOGINS.map((login) => `  ${login.email.padEnd(22)} ${login.password}   ${login.description}`));
    }
    process.stdout.write(`\n${lines.join("\n")}\n\n`);
  });
  // SIGTERM (docker stop, a Kubernetes rollout): drain, then close. README "Deployment" → graceful shutdown.
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, "shutting down: draining in-flight requests");
    setTimeout(() => {
      logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutdown: requests still open at the deadline; exiting");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    // No resume may start against a pool that is being closed.
    clearInterval(resumeTimer);
    // /healthz answers 503 and the listener closes at once; in-flight requests go on.
    const drained = drain.drain(server);
    // Subscriptions end with 1001 (going away; clients reconnect through the proxy to another
    // replica). Open, these upgraded sockets would keep the drain waiting until the deadline.
    await crm.closeSockets();
    await drained;
    // Only now: Apollo, the import runner and the pool are still needed by the requests drained above.
    await Promise.all([crm.stop(), runner?.stop()]);
    await dataSource.destroy();
    logger.info("shutdown complete");
    process.exit(0);
  };
  const onSignal = (signal: string) => {
    shutdown(signal).catch((err: unknown) => {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    });
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
