import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from "typeorm";
import type { MysqlConnectionOptions } from "typeorm/driver/mysql/MysqlConnectionOptions";
import { entities, subscribers } from "./entities";
import { mysqlMigrations } from "./migrations/mysql";
import { routeReads } from "./read-routing";
import { sqliteMigrations } from "./migrations/sqlite";

export type Dialect = "sqlite" | "mysql";

/** Where a DATABASE_URL points: an SQLite file (or memory) or a MySQL/MariaDB server. */
export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "mysql"; url: string; database: string; flavour: "mysql" | "mariadb" };

/**
 * The repository root (this file is server/src/db or server/dist/db): relative SQLite paths
 * mean the same file whichever workspace script opens them.
 */
const REPOSITORY_ROOT = resolve(__dirname, "../../..");

/** Parses `sqlite:<path>` (relative to the repository root), `sqlite::memory:` or `mysql://user:pass@host:port/db`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length);
    return { dialect: "sqlite", path: path === ":memory:" ? path : resolve(REPOSITORY_ROOT, path) };
  }
  const parsed = new URL(url.replace(/^mariadb:/, "mysql:"));
  const database = parsed.pathname.replace(/^\//, "");
  if (!database) {
    throw new Error(`DATABASE_URL: no database name in ${parsed.protocol}//${parsed.host}`);
  }
  const flavour = url.startsWith("mariadb:") ? "mariadb" : "mysql";
  return { dialect: "mysql", url: parsed.toString(), database, flavour };
}

/**
 * Asks a MySQL-protocol server whether it is MariaDB: TypeORM reads MariaDB's
 * information_schema differently, and the drift check depends on it.
 */
export async function detectFlavour(target: DatabaseTarget): Promise<DatabaseTarget> {
  if (target.dialect !== "mysql") {
    return target;
  }
  const connection = await createConnection({ uri: target.url });
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    const version = String((rows as Array<{ version: string }>)[0]?.version ?? "");
    return { ...target, flavour: /mariadb/i.test(version) ? "mariadb" : "mysql" };
  } finally {
    await connection.end();
  }
}

export interface DataSourceSettings {
  logger?: TypeOrmLogger;
  poolSize?: number;
  /**
   * Read replicas of a MySQL target (DATABASE_REPLICA_URLS). Only the API passes them: migrations,
   * the worker and the CLIs always work on the primary alone.
   */
  replicaUrls?: readonly string[];
}

/**
 * The connection part of MySQL options: one URL, or TypeORM replication (a pool per server, each
 * with the same charset, timezone, pool and extra settings). A server that fails five times in a
 * row is left out for a few seconds rather than for good (mysql2's default).
 */
function mysqlConnection(url: string, replicaUrls: readonly string[]): Pick<MysqlConnectionOptions, "url" | "replication"> {
  if (replicaUrls.length === 0) {
    return { url };
  }
  return {
    replication: {
      master: { url },
      slaves: replicaUrls.map((replica) => ({ url: replica.replace(/^mariadb:/, "mysql:") })),
      restoreNodeTimeout: 2_000,
    },
  };
}

/** TypeORM options for a target; migrations are per dialect, synchronize is never on. */
export function dataSourceOptions(target: DatabaseTarget, settings: DataSourceSettings = {}): DataSourceOptions {
  const common = {
    entities,
    subscribers,
    synchronize: false,
    migrationsRun: false,
    logger: settings.logger,
    logging: settings.logger ? (["query", "error"] as const) : false,
  };
  if (target.dialect === "sqlite") {
    if (settings.replicaUrls?.length) {
      throw new Error("DATABASE_REPLICA_URLS: read replicas need a MySQL DATABASE_URL, not SQLite");
    }
    if (target.path !== ":memory:") {
      mkdirSync(dirname(target.path), { recursive: true });
    }
    return {
      ...common,
      logging: settings.logger ? ["query", "error"] : false,
      type: "better-sqlite3",
      database: target.path,
      migrations: sqliteMigrations,
      enableWAL: target.path !== ":memory:",
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma("busy_timeout = 5000");
      },
    };
  }
  return {
    ...common,
    logging: settings.logger ? ["query", "error"] : false,
    type: target.flavour,
    ...mysqlConnection(target.url, settings.replicaUrls ?? []),
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    supportBigNumbers: true,
    bigNumberStrings: false,
    migrations: mysqlMigrations,
    poolSize: settings.poolSize ?? 10,
    // maxPreparedStatements: bulk inserts (db/raw-insert.ts) run as prepared statements, one
    // per shape (table × row count); mysql2 keeps them per connection in an LRU that closes the
    // evicted ones, so this bounds what each connection holds on the server.
    extra: { connectionLimit: settings.poolSize ?? 10, enableKeepAlive: true, maxPreparedStatements: 64 },
  };
}

/** A DataSource for a DATABASE_URL (server flavour detected), not yet initialized; with replicas, reads are routed (db/read-routing.ts). */
export async function createDataSource(url: string, settings: DataSourceSettings = {}): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(await detectFlavour(parseDatabaseUrl(url)), settings));
  if (settings.replicaUrls?.length) {
    routeReads(dataSource);
  }
  return dataSource;
}

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === "better-sqlite3" ? "sqlite" : "mysql";
}
