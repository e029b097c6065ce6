/** The only reader of process.env in the browser tests: tool overrides and what the global setup publishes. */

/** Debian's Chromium; the tests never download a browser. */
export const defaultChromiumPath = "/usr/bin/chromium";

export interface E2eOverrides {
  /** Another Chromium binary (CHROMIUM_PATH). */
  readonly chromiumPath: string;
  /** A database for the API instead of a fresh SQLite file, e.g. an empty MariaDB schema (CRM_E2E_DATABASE_URL). */
  readonly databaseUrl: string | undefined;
  /** Another checkout's server/ directory to run (CRM_E2E_SERVER_DIR), e.g. to test the web against a known-good API. */
  readonly serverDir: string | undefined;
  /** The redis-server binary the realtime test starts on a port of its own (REDIS_SERVER_BIN), never the shared 6379. */
  readonly redisServerBin: string;
  /** REQUIRE_SERVICES=1 (CI): a missing service fails the run instead of skipping the tests that need it. */
  readonly requireServices: boolean;
}

export function e2eOverrides(): E2eOverrides {
  return {
    chromiumPath: process.env.CHROMIUM_PATH?.trim() || defaultChromiumPath,
    databaseUrl: process.env.CRM_E2E_DATABASE_URL?.trim() || undefined,
    serverDir: process.env.CRM_E2E_SERVER_DIR?.trim() || undefined,
    redisServerBin: process.env.REDIS_SERVER_BIN?.trim() || "/usr/bin/redis-server",
    requireServices: process.env.REQUIRE_SERVICES === "1",
  };
}

/** Where the running stack is; set by the global setup, read by the tests (same process tree). */
export interface E2eStack {
  readonly baseUrl: string;
  readonly wsEndpoint: string;
  readonly artifactsDir: string;
  /** The built web app, for tests that start API processes of their own (realtime.e2e.test.ts). */
  readonly webDist: string;
}

const keys = { baseUrl: "CRM_E2E_BASE_URL", wsEndpoint: "CRM_E2E_WS_ENDPOINT", artifactsDir: "CRM_E2E_ARTIFACTS", webDist: "CRM_E2E_WEB_DIST" } as const;

export function publishStack(stack: E2eStack): void {
  process.env[keys.baseUrl] = stack.baseUrl;
  process.env[keys.wsEndpoint] = stack.wsEndpoint;
  process.env[keys.artifactsDir] = stack.artifactsDir;
  process.env[keys.webDist] = stack.webDist;
}

export function readStack(): E2eStack {
  const baseUrl = process.env[keys.baseUrl];
  const wsEndpoint = process.env[keys.wsEndpoint];
  const artifactsDir = process.env[keys.artifactsDir];
  const webDist = process.env[keys.webDist];
  if (!baseUrl || !wsEndpoint || !artifactsDir || !webDist) {
    throw new Error("The browser-test stack is not running: run these tests with `jest -c jest.e2e.config.cjs` (web's npm test does).");
  }
  return { baseUrl, wsEndpoint, artifactsDir, webDist };
}
