import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createConnection } from "mysql2/promise";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { migrate } from "../src/db/migrate";
import { seedCatalogs } from "../src/db/seed/catalogs.seed";
import { seedDemo } from "../src/db/seed/demo.seed";
import { seedVolume } from "../src/db/seed/volume.seed";
import { AccountEntity } from "../src/modules/accounts/account.entity";

/** Bump to force a reseed of every bench database when the data set changes outside src/db/seed. */
const BENCH_SEED_VERSION = 1;
/** The marker table: which seed the database holds. Not an entity: it exists only in bench databases. */
const MARKER = "bench_seed";

/**
 * The seed's identity: the version above and the seed code (src/db/seed/*.ts without tests), so a
 * changed generator reseeds instead of measuring an old data set.
 */
export function seedFingerprint(seedDir = resolve(__dirname, "../src/db/seed")): string {
  const hash = createHash("sha256").update(`v${BENCH_SEED_VERSION}\n`);
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()) {
    hash.update(`${file}\n`).update(readFileSync(join(seedDir, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

export interface BenchDatabase {
  url: string;
  dataSource: DataSource;
  /** Whether this run seeded it (false: an identical seed was reused). */
  seeded: boolean;
  /** Rows in prospection_users (demo + volume accounts). */
  accountRows: number;
  seedSeconds: number | null;
}

interface Marker {
  fingerprint: string;
  accounts: number;
  account_rows: number;
}

async function readMarker(dataSource: DataSource): Promise<Marker | null> {
  const tables = (await dataSource.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", [MARKER])) as unknown[];
  if (tables.length === 0) {
    return null;
  }
  const rows = (await dataSource.query(`SELECT fingerprint, accounts, account_rows FROM ${MARKER} LIMIT 1`)) as Marker[];
  return rows[0] ? { fingerprint: rows[0].fingerprint, accounts: Number(rows[0].accounts), account_rows: Number(rows[0].account_rows) } : null;
}

/** The base tables of the connected database. */
async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/**
 * Refuses a database the bench did not create: one holding tables but no `bench_seed` marker table
 * (the marker table is created right after the bench creates a database, before anything else, so an
 * interrupted seed still carries it). The bench drops and reseeds its databases; a mistyped
 * `--database` (the app's own, a test database) must fail here instead of being dropped.
 */
export async function assertBenchDatabase(dataSource: DataSource, name: string): Promise<void> {
  const tables = await tableNames(dataSource);
  if (tables.length > 0 && !tables.includes(MARKER)) {
    throw new Error(
      `database ${name} holds tables (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) and no ${MARKER} table: it is not a bench database, and the bench drops and reseeds its database. ` +
        `Choose another --database, or drop ${name} yourself if it really is disposable.`,
    );
  }
}

async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await createConnection({ uri: `${serverUrl}/` });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await createConnection({ uri: `${serverUrl}/` });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

async function open(url: string): Promise<DataSource> {
  const dataSource = await createDataSource(url, { poolSize: 10 });
  await dataSource.initialize();
  return dataSource;
}

/**
 * The migrated bench database `name` on `serverUrl` holding catalogs, the demo users and accounts,
 * and `accounts` volume accounts. An existing database is reused when its marker names the same
 * seed and account count and its account rows are still the seeded ones (a suite that left rows
 * behind makes the next run reseed); otherwise it is dropped and seeded afresh.
 */
export async function prepareBenchDatabase(options: { serverUrl: string; name: string; accounts: number; log: (message: string) => void }): Promise<BenchDatabase> {
  const { serverUrl, name, accounts, log } = options;
  const url = `${serverUrl}/${name}`;
  const fingerprint = seedFingerprint();
  await ensureDatabase(serverUrl, name);
  let dataSource = await open(url);
  try {
    await assertBenchDatabase(dataSource, name);
    const marker = await readMarker(dataSource);
    if (marker && marker.fingerprint === fingerprint && marker.accounts === accounts) {
      const rows = await dataSource.getRepository(AccountEntity).count();
      if (rows === marker.account_rows) {
        const applied = await migrate(dataSource);
        log(`database ${name}: reusing the seed of ${accounts.toLocaleString("en-US")} accounts${applied.length ? ` (${applied.length} new migrations applied)` : ""}`);
        return { url, dataSource, seeded: false, accountRows: rows, seedSeconds: null };
      }
      log(`database ${name}: ${rows} account rows, the seed wrote ${marker.account_rows}: reseeding`);
    } else if (marker) {
      log(`database ${name}: holds another seed (${marker.accounts} accounts, ${marker.fingerprint}): reseeding`);
    }
    await dataSource.destroy();
    await recreateDatabase(serverUrl, name);
    dataSource = await open(url);
    // Claimed as a bench database before anything else is written (see assertBenchDatabase); the row comes last.
    await dataSource.query(`CREATE TABLE ${MARKER} (fingerprint VARCHAR(64) NOT NULL, accounts INT NOT NULL, account_rows INT NOT NULL, seeded_at DATETIME NOT NULL)`);
    const started = performance.now();
    await migrate(dataSource);
    await seedCatalogs(dataSource);
    await seedDemo(dataSource);
    let lastLog = 0;
    await seedVolume(dataSource, {
      accounts,
      onProgress: (done, total) => {
        if (done === total || performance.now() - lastLog > 5_000) {
          lastLog = performance.now();
          log(`seeding ${name}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} accounts (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    });
    // Fresh statistics: the optimizer's plans on a just-loaded table are otherwise a matter of luck.
    const tables = await tableNames(dataSource);
    await dataSource.query(`ANALYZE TABLE ${tables.map((t) => `\`${t}\``).join(", ")}`);
    const rows = await dataSource.getRepository(AccountEntity).count();
    await dataSource.query(`INSERT INTO ${MARKER} (fingerprint, accounts, account_rows, seeded_at) VALUES (?, ?, ?, UTC_TIMESTAMP())`, [fingerprint, accounts, rows]);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`database ${name}: seeded ${rows.toLocaleString("en-US")} accounts in ${seedSeconds.toFixed(1)} s`);
    return { url, dataSource, seeded: true, accountRows: rows, seedSeconds };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
