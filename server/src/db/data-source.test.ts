import { resolve } from "node:path";
import { parseDatabaseUrl } from "./data-source";

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
