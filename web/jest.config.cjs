/** @type {import('jest').Config} */
const config = {
  rootDir: __dirname,
  testEnvironment: "jsdom",
  roots: ["<rootDir>/src"],
  setupFiles: ["<rootDir>/jest.setup.cjs"],
  // Runs after the test framework is installed, so Testing Library's auto-cleanup still registers.
  setupFilesAfterEnv: ["<rootDir>/jest.setupAfterEnv.cjs"],
  // Above the 10 s asyncUtilTimeout, so a slow wait reports what it waited for, not a bare timeout.
  testTimeout: 30_000,
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  moduleNameMapper: {
    // lib/config.ts reads import.meta.env, which CommonJS tests cannot parse; tests get fixed values.
    "^(\\.{1,2}/)+lib/config$": "<rootDir>/src/test/testConfig.ts",
    "\\.css$": "<rootDir>/src/test/styleStub.ts",
    // FullCalendar renders with preact; jsdom's "browser" export condition would pick preact's ES
    // modules, which CommonJS tests cannot load: point them at its CommonJS builds.
    "^preact$": require.resolve("preact"),
    "^preact/compat$": require.resolve("preact/compat"),
    "^preact/hooks$": require.resolve("preact/hooks"),
  },
  clearMocks: true,
};

// Default export (module.exports): Jest demands it.
module.exports = config;
