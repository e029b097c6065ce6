import { testFlags } from "../src/config/env";
import { probeServices, REDIS_SERVER_BIN, SERVICE_HELP } from "./services";

/**
 * Decides once which real services the integration suites use. A missing service is a
 * loud notice on a laptop and a failure under REQUIRE_SERVICES=1 (CI).
 */
export default async function globalSetup(): Promise<void> {
  const flags = testFlags();
  const found = await probeServices();
  process.env.CRM_TEST_MARIADB = found.mariadb ? "1" : "0";
  process.env.CRM_TEST_REDIS = found.redis ? "1" : "0";
  process.env.CRM_TEST_REDIS_SERVER = found.redisServer ? "1" : "0";
  const missing = (Object.keys(found) as Array<keyof typeof found>).filter((name) => !found[name]);
  if (missing.length === 0) {
    return;
  }
  const lines = missing.map((name) =>
    name === "redisServer"
      ? `  no redis-server binary at ${REDIS_SERVER_BIN}: the BullMQ job suites are skipped; install it (apt-get install -y redis-server) or set REDIS_SERVER_BIN`
      : `  ${name} did not answer (${name === "mariadb" ? flags.mariadbUrl : flags.redisUrl}); ${SERVICE_HELP[name]}`,
  );
  const banner = [
    "",
    "#".repeat(100),
    "#  NOT EVERY INTEGRATION SUITE WILL RUN",
    ...lines.map((l) => `#${l}`),
    missing.includes("mariadb") ? "#  The MariaDB half of every *.int.test.ts is skipped; the SQLite half still runs." : "",
    "#".repeat(100),
    "",
  ].filter(Boolean);
  process.stderr.write(`${banner.join("\n")}\n`);
  // Repeated by the global teardown, so the notice is also the last thing a reader sees.
  process.env.CRM_TEST_MISSING_BANNER = banner.join("\n");
  if (flags.requireServices) {
    throw new Error(`REQUIRE_SERVICES=1 but these are missing: ${missing.join(", ")}`);
  }
}
