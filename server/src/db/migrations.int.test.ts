import type { DataSource } from "typeorm";
import { openTestDatabase, testDialects } from "../../test/databases";
import { dialectOf } from "./data-source";
import { seedCatalogs } from "./seed/catalogs.seed";
import { seedDemo } from "./seed/demo.seed";
import { mysqlMigrations } from "./migrations/mysql";
import { sqliteMigrations } from "./migrations/sqlite";

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<Record<string, string>> = await dataSource.query(
    dialectOf(dataSource) === "sqlite" ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'" : "SHOW TABLES",
  );
  return rows.map((row) => Object.values(row)[0]!).filter((name) => name !== "migrations");
}

describe.each(testDialects())("migrations on %s", (dialect) => {
  it("should produce exactly the entities' schema (no drift)", async () => {
    const db = await openTestDatabase(dialect);
    try {
      expect(dialectOf(db.dataSource)).toBe(dialect);
      const drift = await db.dataSource.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);
      const names = await tableNames(db.dataSource);
      for (const table of ["prospection_users", "follow_up_data", "prospect_follow_up_comments", "follow_up_comments", "extra_contacts", "company_locations", "partner_follow_up_data", "catalog_follow_up_statuses", "outbox", "api_tokens"]) {
        expect(names).toContain(table);
      }
    } finally {
      await db.close();
    }
  });

  it("should revert every migration with its down, on a database holding data", async () => {
    const db = await openTestDatabase(dialect);
    try {
      await seedCatalogs(db.dataSource);
      expect(await seedDemo(db.dataSource, { accounts: 30 })).toBe(true);
      const count = (dialect === "sqlite" ? sqliteMigrations : mysqlMigrations).length;
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) {
        await db.dataSource.undoLastMigration({ transaction: "each" });
      }
      expect(await tableNames(db.dataSource)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
