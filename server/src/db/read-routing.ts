import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, ReplicationMode } from "typeorm";
import type { MysqlDriver } from "typeorm/driver/mysql/MysqlDriver";

/** Where the reads of the current unit of work may go; mutable so a request can open up once it knows its operation. */
interface ReadRoute {
  replica: boolean;
}

const route = new AsyncLocalStorage<ReadRoute>();

/** Whether a DataSource was built with read replicas (DATABASE_REPLICA_URLS). */
export function hasReplicas(dataSource: DataSource): boolean {
  return "replication" in dataSource.options && dataSource.options.replication !== undefined;
}

/**
 * Runs `work` with its reads on the primary, whatever the caller allowed: for reads that must
 * see a write made a moment ago, possibly by another process (subscription deliveries, for example).
 * It is also the scope a GraphQL request starts in, until `allowReplicaReads` opens it.
 * Without replicas every read is on the primary anyway.
 */
export function onPrimary<T>(work: () => T): T {
  return route.run({ replica: false }, work);
}

/** Lets the rest of the current `onPrimary` scope read from a replica (a GraphQL query: reads only, lag tolerated). */
export function allowReplicaReads(): void {
  const current = route.getStore();
  if (current) {
    current.replica = true;
  }
}

/**
 * Reads go to a replica only where a scope allowed it. TypeORM sends every SELECT built outside
 * a transaction to a replica ("slave" query runner); this turns that into "master" everywhere
 * else: writes, transactions, auth lookups, mutations (their payload is read right after their
 * write), background jobs, imports and startup all read the primary, so nothing that needs
 * fresh data can see replica lag. When no replica can be reached, reads fall back to the primary.
 */
export function routeReads(dataSource: DataSource): void {
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode: ReplicationMode = "master") =>
    createQueryRunner(mode === "slave" && route.getStore()?.replica !== true ? "master" : mode);
  const driver = dataSource.driver as MysqlDriver;
  const obtainReplica = driver.obtainSlaveConnection.bind(driver);
  // A replica that is down (refused, offline in the pool cluster) costs a fallback, not an error.
  driver.obtainSlaveConnection = () => obtainReplica().catch(() => driver.obtainMasterConnection());
}
