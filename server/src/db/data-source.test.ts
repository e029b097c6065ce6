import { resolve } from "node:path";
import { dataSourceOptions, parseDatabaseUrl } from "./data-source";

describe("parseDatabaseUrl", () => {
  it("should put the default SQLite file under the repository's data/ folder, whatever the working directory", () => {
    expect(parseDatabaseUrl("sqlite:data/crm.sqlite")).toEqual({ dialect: "sqlite", path: resolve(__dirname, "../../../data/crm.sqlite") });
    expect(parseDatabaseUrl("sqlite:/tmp/x.sqlite")).toEqual({ dialect: "sqlite", path: "/tmp/x.sqlite" });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ dialect: "sqlite", path: ":memory:" });
  });

  it("should read a MySQL URL and its database name, MariaDB flavour from the mariadb: scheme", () => {
    expect(parseDatabaseUrl("mysql://root:pw@127.0.0.1:3306/crm")).toMatchObject({ dialect: "mysql", database: "crm", flavour: "mysql" });
    expect(parseDatabaseUrl("mariadb://root@db:3306/crm")).toMatchObject({ dialect: "mysql", database: "crm", flavour: "mariadb" });
  });

  it("should refuse a MySQL URL without a database name", () => {
    expect(() => parseDatabaseUrl("mysql://root@127.0.0.1:3306/")).toThrow(/no database name/);
  });
});

describe("dataSourceOptions with read replicas", () => {
  const primaryUrl = "mysql://app:pw@db-primary:3306/crm";
  const target = parseDatabaseUrl(primaryUrl);
  const optionsOf = (settings: Parameters<typeof dataSourceOptions>[1] = {}) => dataSourceOptions(target, settings) as unknown as Record<string, unknown>;

  it("should connect by URL alone without replicas", () => {
    const options = optionsOf();
    expect(options.url).toBe(primaryUrl);
    expect(options.replication).toBeUndefined();
  });

  it("should use TypeORM replication with the pool, charset and timezone settings shared by every server", () => {
    const options = optionsOf({ poolSize: 7, replicaUrls: ["mariadb://ro@db-r1/crm", "mysql://ro@db-r2/crm"] });
    expect(options.url).toBeUndefined();
    expect(options.replication).toMatchObject({
      master: { url: primaryUrl },
      slaves: [{ url: "mysql://ro@db-r1/crm" }, { url: "mysql://ro@db-r2/crm" }],
    });
    expect(options).toMatchObject({ charset: "utf8mb4_unicode_ci", timezone: "Z", poolSize: 7, extra: { connectionLimit: 7 } });
  });

  it("should refuse replicas for an SQLite database", () => {
    expect(() => dataSourceOptions(parseDatabaseUrl("sqlite::memory:"), { replicaUrls: ["mysql://ro@db-r1/crm"] })).toThrow(/DATABASE_REPLICA_URLS.*MySQL DATABASE_URL/);
  });
});
