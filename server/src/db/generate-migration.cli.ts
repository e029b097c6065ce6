/**
 * Writes a migration for each dialect from the difference between the entities and the
 * schema the existing migrations produce. Usage: npm run db:migration:generate -w server -- Name
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Query } from "typeorm/driver/Query";
import { createDataSource, type Dialect } from "./data-source";
import { createScratchDatabase } from "./scratch-database";

const MYSQL_SERVER = process.argv.find((a) => a.startsWith("--mysql="))?.slice("--mysql=".length) ?? "mysql://root@127.0.0.1:3306/test";

async function generate(dialect: Dialect, name: string, timestamp: number): Promise<void> {
  const scratch = await createScratchDatabase(dialect, MYSQL_SERVER, "crm_migration_gen");
  const dataSource = await createDataSource(scratch.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: "each" });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write(`${dialect}: entities match the migrations, nothing to generate\n`);
      return;
    }
    const className = `${name}${timestamp}`;
    const file = join(__dirname, "migrations", dialect, `${timestamp}-${name}.ts`);
    writeFileSync(file, render(className, sql.upQueries, sql.downQueries.reverse()));
    process.stdout.write(`${dialect}: wrote ${file} (${sql.upQueries.length} statements); add it to migrations/${dialect}/index.ts\n`);
  } finally {
    await dataSource.destroy();
    await scratch.drop();
  }
}

function render(className: string, up: Query[], down: Query[]): string {
  const lines = (queries: Query[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ""});`).join("\n");
  return `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main(): Promise<void> {
  const name = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error("Give the migration a PascalCase name: npm run db:migration:generate -w server -- AddThing");
  }
  const timestamp = Date.now();
  for (const dialect of ["sqlite", "mysql"] as const) {
    await generate(dialect, name, timestamp);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
