import type { Logger as TypeOrmLogger } from "typeorm";

/** A TypeORM logger that counts the SQL statements sent, for the batching contract. */
export class QueryCounter implements TypeOrmLogger {
  statements: string[] = [];
  private counting = false;

  /** Counts the statements run by `work`. */
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements = [];
    this.counting = true;
    try {
      const result = await work();
      return { result, statements: [...this.statements] };
    } finally {
      this.counting = false;
    }
  }

  logQuery(query: string): void {
    if (this.counting && !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query)) {
      this.statements.push(query);
    }
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
