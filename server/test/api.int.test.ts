import { existsSync } from "node:fs";
import { dirname } from "node:path";
import type { TestDatabase } from "./databases";

// Records every scratch database startTestApi opens, so a failed start can be checked for leaks.
const opened: TestDatabase[] = [];
jest.mock("./databases", () => {
  const actual = jest.requireActual<typeof import("./databases")>("./databases");
  return {
    ...actual,
    openTestDatabase: async (...args: Parameters<typeof actual.openTestDatabase>) => {
      const db = await actual.openTestDatabase(...args);
      opened.push(db);
      return db;
    },
  };
});

import { testDialects } from "./databases";
import { startTestApi } from "./api";

describe.each(testDialects())("startTestApi (%s)", (dialect) => {
  beforeEach(() => {
    opened.length = 0;
  });

  it("should close and drop its scratch database when startup throws", async () => {
    await expect(startTestApi(dialect, { REDIS_URL: "not a url" })).rejects.toThrow(/REDIS_URL/);
    expect(opened).toHaveLength(1);
    const db = opened[0]!;
    // An initialized pool is what kept jest from exiting after a failing beforeAll.
    expect(db.dataSource.isInitialized).toBe(false);
    if (dialect === "sqlite") {
      expect(existsSync(dirname(db.url.replace(/^sqlite:/, "")))).toBe(false);
    }
  });

  it("should close everything it opened on close when startup succeeds", async () => {
    const api = await startTestApi(dialect);
    await api.close();
    expect(api.db.dataSource.isInitialized).toBe(false);
  });
});
