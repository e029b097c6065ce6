/**
 * Browser tests (web/e2e/**\/*.e2e.test.ts): one vite build, one real API process over a fresh
 * demo database and one shared Chromium per run, started by the global setup.
 * @type {import('jest').Config}
 */
const config = {
  rootDir: __dirname,
  testEnvironment: "node",
  roots: ["<rootDir>/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "commonjs" },
      },
    ],
  },
  globalSetup: "<rootDir>/e2e/support/globalSetup.ts",
  globalTeardown: "<rootDir>/e2e/support/globalTeardown.ts",
  // One server and one browser are shared; running files one at a time keeps the 2-core CI calm.
  maxWorkers: 1,
  testTimeout: 60_000,
};

// Default export (module.exports): Jest demands it.
module.exports = config;
