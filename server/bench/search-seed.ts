/**
 * The search suite's own data set: `accounts` rows of prospection_users (and the users,
 * catalogs and companies they point at), nothing else — the accounts query with a search
 * reads only that table. Written with raw multi-row INSERTs, and kept between runs: a marker
 * row in `bench_seed` says the set is complete, so the next run only checks it.
 */
import { randomBytes } from "node:crypto";
import { hash } from "bcryptjs";
import { createConnection } from "mysql2/promise";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { migrate } from "../src/db/migrate";
import { insertValues } from "../src/db/raw-insert";
import { seedCatalogs } from "../src/db/seed/catalogs.seed";
import { inSeedTransaction } from "../src/db/seed/bulk-insert";
import * as mx from "../src/db/seed/mexican-data";
import { Prng } from "../src/db/seed/prng";
import { insertUsers, loadSeedRefs } from "../src/db/seed/seed-refs";
import { AccountStatusCode, AccountTypeCode } from "../src/modules/accounts/account.entity";
import { companyNameKey } from "../src/modules/accounts/company-name-key";
import { ACCOUNT_INSERT_COLUMNS } from "../src/modules/accounts/prospect-insert";
import { assertBenchDatabase } from "./bench-database";

/** Bump when the generated rows change, so an old set is rebuilt rather than reused. */
const SEED_VERSION = 1;
const ROWS_PER_INSERT = 1000;
const INSERTS_PER_TRANSACTION = 10;
const COMPANIES = 2000;
const DAY = 86_400_000;
/** GET_LOCK names are server-wide: this suite's own, so it never waits for another seed. */
const SEED_LOCK = "crm_bench_search_seed";

/** The manager (sees every account) the suite's API token belongs to. */
export const SEARCH_MANAGER_EMAIL = "busqueda-manager@example.com";

const USERS = [
  { email: "busqueda-sdr-1@example.com", name: "Ramiro Téllez", permissions: ["crm", "sdr", "kae"] },
  { email: "busqueda-sdr-2@example.com", name: "Fabiola Quintero", permissions: ["crm", "sdr", "csr"] },
  { email: "busqueda-sdr-3@example.com", name: "Gonzalo Urrutia", permissions: ["crm", "sdr", "wms"] },
  { email: "busqueda-mdr-1@example.com", name: "Marisol Arreola", permissions: ["crm", "mdr", "kae_ltl"] },
  { email: SEARCH_MANAGER_EMAIL, name: "Leonor Cárdenas", permissions: ["crm", "crm-manager", "all-prospects"] },
] as const;

/** The search set writes its account ids itself, then the columns every raw account insert writes (prospect-insert.ts). */
const ACCOUNT_COLUMNS = ["id", ...ACCOUNT_INSERT_COLUMNS];

/**
 * The search data set's database, on the bench database's server: its name with `_search_<accounts>`,
 * so the quick (100k) and full (1M) sets are both kept and neither run reseeds the other's.
 */
export function searchDatabaseUrl(benchUrl: string, accounts: number): string {
  const url = new URL(benchUrl.replace(/^mariadb:/, "mysql:"));
  const name = url.pathname.replace(/^\//, "");
  if (!name) {
    throw new Error(`search bench: no database name in ${url.protocol}//${url.host}`);
  }
  url.pathname = `/${name}_search_${accounts}`;
  return url.toString();
}

async function createDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.replace(/^\//, "");
  server.pathname = "/";
  const admin = await createConnection({ uri: server.toString() });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

async function markerOf(dataSource: DataSource): Promise<{ accounts: number; version: number } | null> {
  await dataSource.query("CREATE TABLE IF NOT EXISTS `bench_seed` (`name` varchar(64) NOT NULL PRIMARY KEY, `accounts` int NOT NULL, `version` int NOT NULL, `seconds` double NOT NULL, `done_at` datetime NOT NULL)");
  const rows = (await dataSource.query("SELECT `accounts`, `version` FROM `bench_seed` WHERE `name` = 'search'")) as Array<{ accounts: number; version: number }>;
  return rows[0] ? { accounts: Number(rows[0].accounts), version: Number(rows[0].version) } : null;
}

export interface SearchDataSet {
  databaseUrl: string;
  accounts: number;
  /** Seconds spent seeding in this run; null when a complete set was reused. */
  seededSeconds: number | null;
}

/**
 * Makes `<bench database>_search_<accounts>` hold exactly `accounts` search accounts (migrated, with
 * catalogs), reusing a complete set from an earlier run; anything else is dropped and rebuilt.
 */
export async function ensureSearchDataSet(benchUrl: string, accounts: number, log: (message: string) => void): Promise<SearchDataSet> {
  const databaseUrl = searchDatabaseUrl(benchUrl, accounts);
  await createDatabase(databaseUrl);
  let dataSource = await createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    await assertBenchDatabase(dataSource, dataSource.driver.database ?? databaseUrl);
    const marker = await markerOf(dataSource);
    if (marker && marker.accounts === accounts && marker.version === SEED_VERSION) {
      const applied = await migrate(dataSource);
      if (applied.length > 0) {
        log(`applied ${applied.join(", ")} to the existing data set`);
      }
      log(`reusing ${accounts} accounts in ${dataSource.driver.database}`);
      return { databaseUrl, accounts, seededSeconds: null };
    }
    // Incomplete or different: start from an empty database.
    await dataSource.destroy();
    const server = new URL(databaseUrl);
    const name = server.pathname.replace(/^\//, "");
    server.pathname = "/";
    const admin = await createConnection({ uri: server.toString() });
    try {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await admin.end();
    }
    await createDatabase(databaseUrl);
    dataSource = await createDataSource(databaseUrl);
    await dataSource.initialize();
    // The marker table first: an interrupted seed still leaves a database the bench may drop (assertBenchDatabase).
    await markerOf(dataSource);
    const started = performance.now();
    await migrate(dataSource);
    await seedCatalogs(dataSource);
    await seedAccounts(dataSource, accounts, log);
    const seconds = (performance.now() - started) / 1000;
    await markerOf(dataSource);
    await dataSource.query("REPLACE INTO `bench_seed` (`name`, `accounts`, `version`, `seconds`, `done_at`) VALUES ('search', ?, ?, ?, NOW())", [accounts, SEED_VERSION, seconds]);
    log(`seeded ${accounts} accounts in ${seconds.toFixed(0)} s`);
    return { databaseUrl, accounts, seededSeconds: seconds };
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
  }
}

async function seedAccounts(dataSource: DataSource, total: number, log: (message: string) => void): Promise<void> {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const rng = new Prng(1_000_003);
  const refs = await loadSeedRefs(dataSource.manager);
  const passwordHash = await hash(randomBytes(24).toString("base64url"), 10);
  const ids = await inSeedTransaction(dataSource, SEED_LOCK, (manager) => insertUsers(manager, USERS, passwordHash, now));
  const team = USERS.filter((u) => !(u.permissions as readonly string[]).includes("crm-manager")).map((u) => ids.get(u.email)!);
  const mdr = ids.get("busqueda-mdr-1@example.com")!;
  const mexico = refs.locales.find((l) => l.code === "MX") ?? refs.locales[0]!;
  const foreign = refs.locales.filter((l) => l.id !== mexico.id);
  const open = refs.statuses.filter((s) => s.outcome === null);

  const companies: Array<{ id: number; name: string }> = [];
  await inSeedTransaction(dataSource, SEED_LOCK, async (manager) => {
    const rows: unknown[][] = [];
    for (let id = 1; id <= COMPANIES; id += 1) {
      const name = mx.businessName(rng, true);
      companies.push({ id, name });
      rows.push([id, name, mx.taxId(rng, name), mexico.id, mdr, new Date(now.getTime() - rng.int(200, 900) * DAY)]);
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await insertValues(manager, "companies", ["id", "name", "tax_id", "locale_id", "assigned_executive_id", "created_at"], rows.slice(i, i + ROWS_PER_INSERT));
    }
  });

  // Secondary indexes are built once at the end (a sorted build) instead of row by row: with
  // the default 128 MB buffer pool, maintaining ten of them per INSERT made 1M rows take
  // many minutes. Indexes a foreign key needs stay; the rebuilt ones are the same definitions.
  const deferred = await deferrableIndexes(dataSource, "prospection_users");
  if (deferred.length > 0) {
    await dataSource.query(`ALTER TABLE \`prospection_users\` ${deferred.map((i) => `DROP INDEX \`${i.name}\``).join(", ")}`);
  }
  // created_at grows with the id, as in production tables.
  const start = now.getTime() - 365 * DAY;
  const step = (365 * DAY) / Math.max(1, total);
  const perTransaction = ROWS_PER_INSERT * INSERTS_PER_TRANSACTION;
  let lastLogged = performance.now();
  for (let done = 0; done < total; ) {
    const size = Math.min(perTransaction, total - done);
    const first = done + 1;
    await inSeedTransaction(dataSource, SEED_LOCK, async (manager) => {
      const rows: unknown[][] = [];
      for (let i = 0; i < size; i += 1) {
        const id = first + i;
        const createdAt = new Date(Math.floor((start + (id + rng.next()) * step) / 1000) * 1000);
        const type = rng.weighted<AccountTypeCode>([
          [AccountTypeCode.prospect, 65],
          [AccountTypeCode.client, 20],
          [AccountTypeCode.partnerProspect, 15],
        ]);
        const client = type === AccountTypeCode.client;
        const company = client ? rng.pick(companies) : null;
        const person = mx.personName(rng);
        const locale = !client && foreign.length > 0 && rng.chance(0.05) ? rng.pick(foreign) : mexico;
        const individual = !client && rng.chance(0.3);
        const companyName = company?.name ?? (individual ? person.full : mx.businessName(rng));
        const owner = rng.pick(team);
        const status = client ? AccountStatusCode.registered : rng.chance(0.03) ? AccountStatusCode.removed : AccountStatusCode.inProcess;
        rows.push([
          id,
          person.full,
          companyName,
          companyNameKey(companyName),
          rng.chance(0.95) ? mx.email(rng, person, individual ? null : mx.businessDomain(companyName)) : null,
          locale.phoneCode,
          rng.chance(0.97) ? mx.phoneNumber(rng, locale.phoneDigits, locale === mexico ? mx.city(rng).lada : null) : null,
          company?.id ?? null,
          rng.pick(open).id,
          locale.id,
          refs.shipmentRanges.length > 0 ? rng.pick(refs.shipmentRanges).id : null,
          type,
          status,
          owner,
          rng.chance(0.9) ? owner : rng.chance(0.5) ? rng.pick(team) : null,
          createdAt,
          createdAt,
          1,
        ]);
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await insertValues(manager, "prospection_users", ACCOUNT_COLUMNS, rows.slice(i, i + ROWS_PER_INSERT));
      }
    });
    done += size;
    if (performance.now() - lastLogged > 15_000 || done === total) {
      lastLogged = performance.now();
      log(`${done}/${total} accounts`);
    }
  }
  if (deferred.length > 0) {
    log(`building ${deferred.length} indexes`);
    const add = deferred.map((i) => `ADD ${i.unique ? "UNIQUE " : ""}INDEX \`${i.name}\` (${i.columns.map((c) => `\`${c}\``).join(", ")})`);
    await dataSource.query(`ALTER TABLE \`prospection_users\` ${add.join(", ")}`);
  }
}

interface IndexDefinition {
  name: string;
  unique: boolean;
  columns: string[];
}

/** Secondary indexes of `table` whose first column backs no foreign key (so they may be dropped). */
async function deferrableIndexes(dataSource: DataSource, table: string): Promise<IndexDefinition[]> {
  const rows = (await dataSource.query(
    "SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col, SEQ_IN_INDEX AS seq FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX",
    [table],
  )) as Array<{ name: string; nonUnique: number | string; col: string; seq: number | string }>;
  const foreign = new Set(
    ((await dataSource.query(
      "SELECT COLUMN_NAME AS col FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL",
      [table],
    )) as Array<{ col: string }>).map((r) => r.col),
  );
  const byName = new Map<string, IndexDefinition>();
  for (const row of rows) {
    const index = byName.get(row.name) ?? { name: row.name, unique: Number(row.nonUnique) === 0, columns: [] };
    index.columns.push(row.col);
    byName.set(row.name, index);
  }
  return [...byName.values()].filter((index) => !foreign.has(index.columns[0]!));
}
