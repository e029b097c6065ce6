/**
 * Measures a CSV import end to end on a scratch database: generates a realistic file
 * (prospect-csv.generator), uploads it through ImportService (inspection + background
 * validation), commits it, and prints one JSON object: the times, the exact counts and the
 * peak RSS sampled during each phase. Measure the built code, as production runs it
 * (`npm start`: node dist/…); `npm run bench` (suite csv) runs it in a child process:
 *   npm run build && node dist/modules/imports/import-benchmark.cli.js [--rows 100000] [--sqlite]
 *     [--database-url mysql://root@127.0.0.1:3306/crm_bench_csv] [--baseline raw] [--keep]
 * MariaDB by default, on TEST_MARIADB_URL's server in a new scratch database; with
 * --database-url, on that URL's server in the database it names (created empty, dropped after
 * unless --keep).
 * `--baseline raw` instead inserts the prospects that import would create by hand-written
 * multi-row INSERTs (import-raw-baseline.ts) and prints their rate: the floor for the commit.
 * Through @swc-node/register the same run reads ~80–110 MB more RSS: the transpiler's native
 * module, and the TypeScript compiler it loads, which also raises V8's heap limit.
 */
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testFlags } from "../../config/env";
import { createDataSource } from "../../db/data-source";
import { migrate } from "../../db/migrate";
import { createScratchDatabase } from "../../db/scratch-database";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import { writeProspectCsvFile } from "../../db/seed/prospect-csv.generator";
import { toGlobalId } from "../../graphql/global-id";
import { UserEntity } from "../auth/user.entity";
import { Viewer } from "../auth/viewer";
import { CatalogService } from "../catalogs/catalog.service";
import { ImportEntity } from "./import.entities";
import { ImportService } from "./import.service";
import { CatalogLookup } from "./import-row-rules";
import { rawInsertBaseline } from "./import-raw-baseline";
import { createConnection } from "mysql2/promise";
import type { ScratchDatabase } from "../../db/scratch-database";

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/**
 * Wall seconds, this process's CPU seconds (user + system: on a shared machine the wall time
 * also counts the waits for a core), peak RSS and peak V8 heap in use (MB, sampled every
 * 50 ms) while `work` runs.
 */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number; peakRssMb: number; peakHeapMb: number }> {
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const memory = process.memoryUsage();
    peak = Math.max(peak, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 50);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const value = await work();
    const used = process.cpuUsage(cpu);
    return { value, seconds: round((performance.now() - start) / 1000, 2), cpuSeconds: round((used.user + used.system) / 1e6, 2), peakRssMb: Math.round(peak / 1024 / 1024), peakHeapMb: Math.round(peakHeap / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/** Marks a database made by this benchmark (and so safe for it to drop and make again). */
const BENCH_MARKER = "import_bench_marker";

/** The database named by `url` on its server, created empty (dropped first if this benchmark made it). */
async function namedDatabase(url: string): Promise<ScratchDatabase> {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`--database-url: "${name}" is not a plain database name`);
  }
  server.pathname = "/";
  const admin = async <T = unknown>(sql: string, values: unknown[] = []): Promise<T> => {
    const connection = await createConnection({ uri: server.toString() });
    try {
      const [result] = await connection.query(sql, values);
      return result as T;
    } finally {
      await connection.end();
    }
  };
  // Only a database this benchmark made is ever dropped: a typo must not wipe a real one.
  const tables = await admin<Array<{ name: string }>>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?", [name]);
  if (tables.length > 0 && !tables.some((table) => table.name === BENCH_MARKER)) {
    throw new Error(`--database-url: "${name}" holds tables this benchmark did not create (no ${BENCH_MARKER} table); refusing to drop it`);
  }
  await admin(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin(`CREATE TABLE \`${name}\`.${BENCH_MARKER} (created_at DATETIME NOT NULL)`);
  await admin(`INSERT INTO \`${name}\`.${BENCH_MARKER} VALUES (NOW())`);
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}

async function main(): Promise<void> {
  const rows = Number(arg("rows", "100000"));
  const databaseUrl = arg("database-url", "");
  const dialect = process.argv.includes("--sqlite") ? "sqlite" : "mysql";
  const baseline = arg("baseline", "");
  if (baseline !== "" && (baseline !== "raw" || dialect !== "mysql")) {
    throw new Error("--baseline raw is the only baseline, and it needs MariaDB/MySQL");
  }
  const scratch = databaseUrl !== "" ? await namedDatabase(databaseUrl) : await createScratchDatabase(dialect, testFlags().mariadbUrl, "crm_bench");
  const dataSource = await createDataSource(scratch.url, { poolSize: 5 });
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    await seedCatalogs(dataSource);
    const user = await dataSource.getRepository(UserEntity).save({ email: "bench@example.com", name: "Bench", passwordHash: "x", active: true });
    const viewer = new Viewer(user.id, user.email, user.name, ["crm"]);
    const csv = { rows, seed: 42, invalid: 0.05, duplicates: 0.03 };
    if (baseline === "raw") {
      const raw = await rawInsertBaseline(scratch.url, new CatalogLookup(await new CatalogService(dataSource).all()), csv, user.id);
      process.stdout.write(`${JSON.stringify({ dialect, rows, baseline: "raw", inserted: raw.rows, seconds: round(raw.seconds, 2), rowsPerSecond: Math.round(raw.rows / raw.seconds) }, null, 2)}\n`);
      return;
    }
    const file = join(dir, "leads.csv");
    const expected = await writeProspectCsvFile(file, csv);
    const service = new ImportService(dataSource, new CatalogService(dataSource), pino({ level: "warn" }));
    const validation = await measured(async () => {
      const created = await service.upload(viewer, "leads.csv", file);
      await service.runner.idle();
      return dataSource.getRepository(ImportEntity).findOneByOrFail({ id: created.id });
    });
    const commit = await measured(async () => {
      await service.commit(viewer, { id: toGlobalId("CsvImport", validation.value.id), skipInvalid: true, skipDuplicates: true });
      await service.runner.idle();
      return dataSource.getRepository(ImportEntity).findOneByOrFail({ id: validation.value.id });
    });
    const v = validation.value;
    const c = commit.value;
    process.stdout.write(
      `${JSON.stringify(
        {
          dialect,
          rows,
          expected: { valid: expected.valid, invalid: expected.invalid, duplicates: expected.duplicates },
          validated: { status: v.status, total: v.totalRows, valid: v.validRows, invalid: v.invalidRows, duplicate: v.duplicateRows, seconds: validation.seconds, cpuSeconds: validation.cpuSeconds, peakRssMb: validation.peakRssMb, peakHeapMb: validation.peakHeapMb },
          committed: { status: c.status, created: c.createdRows, seconds: commit.seconds, cpuSeconds: commit.cpuSeconds, rowsPerSecond: Math.round(c.createdRows / commit.seconds), peakRssMb: commit.peakRssMb, peakHeapMb: commit.peakHeapMb },
          /** The kernel's peak resident set of the whole process (file generation included). */
          maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dataSource.destroy().catch(() => undefined);
    if (!process.argv.includes("--keep")) {
      await scratch.drop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
