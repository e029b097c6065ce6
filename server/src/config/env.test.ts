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

  it("should default the import lease to two minutes and refuse one under a second, naming IMPORT_LEASE_MS", () => {
    expect(parseEnv({}).IMPORT_LEASE_MS).toBe(120_000);
    expect(parseEnv({ IMPORT_LEASE_MS: "5000" }).IMPORT_LEASE_MS).toBe(5_000);
    expect(() => parseEnv({ IMPORT_LEASE_MS: "500" })).toThrow(/IMPORT_LEASE_MS/);
    expect(() => parseEnv({ IMPORT_LEASE_MS: "soon" })).toThrow(/IMPORT_LEASE_MS/);
  });

  it("should require a session secret and refuse demo data in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DEMO_DATA: "true" })).toThrow(/SESSION_SECRET[\s\S]*DEMO_DATA/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).DEMO_DATA).toBe(false);
  });

  describe("DATABASE_REPLICA_URLS", () => {
    const primary = "mysql://app:pw@db-primary:3306/crm";

    it("should be an empty list when unset, and a list of trimmed URLs when set", () => {
      expect(parseEnv({ DATABASE_URL: primary }).DATABASE_REPLICA_URLS).toEqual([]);
      const config = parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: " mysql://ro:pw@db-r1:3306/crm, mariadb://ro@db-r2/crm ," });
      expect(config.DATABASE_REPLICA_URLS).toEqual(["mysql://ro:pw@db-r1:3306/crm", "mariadb://ro@db-r2/crm"]);
    });

    it("should name the bad entry, without its password", () => {
      const bad = () => parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "mysql://ro:pw@db-r1/crm,postgres://ro:hunter2@db-r2/crm,mysql://ro@db-r3/" });
      expect(bad).toThrow(ConfigError);
      expect(bad).toThrow(/DATABASE_REPLICA_URLS: entry 2 \(postgres:\/\/\*\*\*@db-r2\/crm\) must be mysql:\/\//);
      expect(bad).toThrow(/entry 3 \(mysql:\/\/\*\*\*@db-r3\/\)/);
      expect(bad).not.toThrow(/hunter2|entry 1/);
    });

    it("should refuse replicas of an SQLite database, naming both variables", () => {
      expect(() => parseEnv({ DATABASE_URL: "sqlite:data/crm.sqlite", DATABASE_REPLICA_URLS: "mysql://ro@db-r1/crm" })).toThrow(
        /DATABASE_REPLICA_URLS: read replicas need a MySQL DATABASE_URL, but DATABASE_URL is sqlite:data\/crm.sqlite/,
      );
      // The default DATABASE_URL is SQLite too.
      expect(() => parseEnv({ DATABASE_REPLICA_URLS: "mysql://ro@db-r1/crm" })).toThrow(/DATABASE_REPLICA_URLS[\s\S]*DATABASE_URL/);
    });
  });

  describe("TRUST_PROXY and SHUTDOWN_TIMEOUT_MS", () => {
    it("should trust loopback proxies only and drain for 25 s by default", () => {
      expect(parseEnv({})).toMatchObject({ TRUST_PROXY: "loopback", SHUTDOWN_TIMEOUT_MS: 25_000 });
    });

    it("should read a hop count as a number, true/false as booleans, and keep names and CIDRs as Express's list", () => {
      expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
      expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
      expect(parseEnv({ TRUST_PROXY: "loopback, uniquelocal, 10.0.0.0/8" }).TRUST_PROXY).toBe("loopback, uniquelocal, 10.0.0.0/8");
    });

    it("should refuse an entry that is neither a name nor an address, and a deadline under 100 ms, naming each", () => {
      expect(() => parseEnv({ TRUST_PROXY: "loopback, the-proxy", SHUTDOWN_TIMEOUT_MS: "50" })).toThrow(/SHUTDOWN_TIMEOUT_MS: Too small[\s\S]*TRUST_PROXY: must be/);
    });
  });
});
