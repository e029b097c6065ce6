import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("should default to port 4000 and the embedded SQLite file", () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBe("sqlite:data/crm.sqlite");
    expect(config.DEMO_DATA).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("should accept MySQL and explicit SQLite URLs", () => {
    expect(parseEnv({ DATABASE_URL: "mysql://root:pw@127.0.0.1:3306/crm" }).DATABASE_URL).toContain("mysql://");
    expect(parseEnv({ DATABASE_URL: "sqlite:/tmp/x.sqlite" }).DATABASE_URL).toBe("sqlite:/tmp/x.sqlite");
  });

  it("should list every problem at once, naming each variable", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "postgres://x", REDIS_URL: "localhost:6379", NODE_ENV: "staging" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "DATABASE_URL", "REDIS_URL", "NODE_ENV"]) {
      expect(problems).toContain(name);
    }
  });

  it("should require a session secret and refuse demo data in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DEMO_DATA: "true" })).toThrow(/SESSION_SECRET[\s\S]*DEMO_DATA/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).DEMO_DATA).toBe(false);
  });
});
