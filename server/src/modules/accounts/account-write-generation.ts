import {
  EventSubscriber,
  type DataSource,
  type EntityManager,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type RecoverEvent,
  type RemoveEvent,
  type SoftRemoveEvent,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type UpdateEvent,
} from "typeorm";

/**
 * Tables whose rows decide the board's totals: the accounts (status, follow-up status,
 * salesman, creator, account status), their follow-up data (account value), the companies
 * (an MDR sees the clients of the companies assigned to them) and the import rows
 * (filter.importId).
 */
const TOTALS_TABLES = new Set(["prospection_users", "follow_up_data", "companies", "import_rows"]);

/** Committed-write generation per DataSource (one per API process in production). */
const generations = new WeakMap<DataSource, number>();

/** Transactions that wrote a totals table and have not ended yet. */
const pending = new WeakSet<QueryRunner>();

/**
 * The number of writes to the totals tables this process has committed on `dataSource`.
 * A read that started at generation g may be shared only with readers that also see g: once
 * a write commits, later readers see g + 1 and start their own read.
 */
export function accountWriteGeneration(dataSource: DataSource): number {
  return generations.get(dataSource) ?? 0;
}

/**
 * A write committed by another API process on the same database (its account event arrived on
 * the bus): later readers here must not share a read that began before it either.
 */
export function noteRemoteAccountWrite(dataSource: DataSource): void {
  bump(dataSource);
}

function bump(dataSource: DataSource): void {
  generations.set(dataSource, accountWriteGeneration(dataSource) + 1);
}

function noted(dataSource: DataSource, runner: QueryRunner | undefined): void {
  if (runner?.isTransactionActive) {
    pending.add(runner); // bumped when the outermost transaction commits
  } else {
    bump(dataSource); // autocommit: the statement has already committed
  }
}

/**
 * For writes to the totals tables that bypass TypeORM's events (plain SQL such as
 * insertValues): call after the statement, with the manager that ran it.
 */
export function noteAccountWrite(manager: EntityManager): void {
  noted(manager.connection, manager.queryRunner);
}

/**
 * Bumps the generation after every committed insert, update or delete on the totals tables
 * made through TypeORM (repositories, entity managers and query builders, inside a
 * transaction or not). Bumping after COMMIT, not before, matters: a read started between the
 * write and its commit still sees the old rows, and must not be shared with a reader who
 * arrives after the write's response.
 */
@EventSubscriber()
export class AccountWriteGenerationSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event.metadata, event.connection, event.queryRunner);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event.metadata, event.connection, event.queryRunner);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata, event.connection, event.queryRunner);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): void {
    this.written(event.metadata, event.connection, event.queryRunner);
  }

  afterRecover(event: RecoverEvent<unknown>): void {
    this.written(event.metadata, event.connection, event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive && pending.has(event.queryRunner)) {
      pending.delete(event.queryRunner);
      bump(event.connection);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      pending.delete(event.queryRunner);
    }
  }

  private written(metadata: EntityMetadata | undefined, dataSource: DataSource, runner: QueryRunner | undefined): void {
    if (metadata && TOTALS_TABLES.has(metadata.tableName)) {
      noted(dataSource, runner);
    }
  }
}
