/** Server tests: *.test.ts are pure, *.int.test.ts use the real databases (and Redis). */
const { readFileSync } = require("node:fs");
const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, "utf8"));
delete swcrc.$schema;

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test", "<rootDir>/bench"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swcrc, swcrc: false }] },
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  testTimeout: 60000,
  maxWorkers: 2,
};
