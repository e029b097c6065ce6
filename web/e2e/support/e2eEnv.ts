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
}

export function e2eOverrides(): E2eOverrides {
  return {
    chromiumPath: process.env.CHROMIUM_PATH?.trim() || defaultChromiumPath,
    databaseUrl: process.env.CRM_E2E_DATABASE_URL?.trim() || undefined,
    serverDir: process.env.CRM_E2E_SERVER_DIR?.trim() || undefined,
  };
}

/** Where the running stack is; set by the global setup, read by the tests (same process tree). */
export interface E2eStack {
  readonly baseUrl: string;
  readonly wsEndpoint: string;
  readonly artifactsDir: string;
}

const keys = { baseUrl: "CRM_E2E_BASE_URL", wsEndpoint: "CRM_E2E_WS_ENDPOINT", artifactsDir: "CRM_E2E_ARTIFACTS" } as const;

export function publishStack(stack: E2eStack): void {
  process.env[keys.baseUrl] = stack.baseUrl;
  process.env[keys.wsEndpoint] = stack.wsEndpoint;
  process.env[keys.artifactsDir] = stack.artifactsDir;
}

export function readStack(): E2eStack {
  const baseUrl = process.env[keys.baseUrl];
  const wsEndpoint = process.env[keys.wsEndpoint];
  const artifactsDir = process.env[keys.artifactsDir];
  if (!baseUrl || !wsEndpoint || !artifactsDir) {
    throw new Error("The browser-test stack is not running: run these tests with `jest -c jest.e2e.config.cjs` (web's npm test does).");
  }
  return { baseUrl, wsEndpoint, artifactsDir };
}
