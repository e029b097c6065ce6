import type { DataSource, EntityManager } from "typeorm";
import { withLockRetry } from "../../db/lock-retry";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { insertValues } from "../../db/raw-insert";
import { findDuplicates, type DuplicateField, type DuplicateMatch } from "../accounts/duplicates";
import type { ValidProspect } from "../accounts/prospect-rules";
import { readCsvRecords, type CsvRecord } from "./csv-file";
import { rowData, type ImportColumnKey, type ImportRowData } from "./import-columns";
import type { InspectedFile } from "./import-file";
import { checkImportRow, InFileDuplicates, type CatalogLookup, type ImportRowError } from "./import-row-rules";
import { ImportEntity, type ImportRowState } from "./import.entities";

/**
 * Rows per validation batch: one transaction per batch (its rows and the import's progress),
 * duplicate lookups of 300 candidates each. 1,000 rows halve the transactions (and their log
 * flushes) of 500 while progress still moves every second or so.
 */
export const VALIDATION_BATCH = 1000;

/** How long a claim on an import holds without being renewed (each batch renews it); IMPORT_LEASE_MS overrides it. */
export const LEASE_MS = 2 * 60 * 1000;

export const COLUMN_OF_DUPLICATE_FIELD: Record<DuplicateField, ImportColumnKey> = { email: "email", phone: "phone", companyName: "company_name" };

const WHAT: Record<string, string> = { email: "email", phone: "phone number", company_name: "company name" };

/** The errors of a row that duplicates an existing account. */
export function existingDuplicateErrors(match: DuplicateMatch): ImportRowError[] {
  return match.matchedOn.map((field) => {
    const column = COLUMN_OF_DUPLICATE_FIELD[field];
    return { column, message: `an account with the same ${WHAT[column]} already exists` };
  });
}

interface RowOutcome {
  rowNumber: number;
  data: ImportRowData;
  state: ImportRowState;
  errors: ImportRowError[] | null;
  duplicateOfId: number | null;
  duplicateOfRow: number | null;
}

/** Tallies of a validation, written to the import after every batch. */
interface Tally {
  processed: number;
  valid: number;
  invalid: number;
  duplicate: number;
}

/**
 * Validates every row of an inspected file into import_rows, writing nothing to accounts:
 * the createProspect rules, duplicates within the file and against existing accounts
 * (findDuplicates, batched). Each batch's rows and the import's progress are written in one
 * transaction, guarded by the lease (`owner`), so progress is exact and queryable.
 */
export async function validateImport(dataSource: DataSource, lookup: CatalogLookup, importId: number, file: InspectedFile, owner: string, leaseMs = LEASE_MS): Promise<void> {
  const inFile = new InFileDuplicates();
  const tally: Tally = { processed: 0, valid: 0, invalid: 0, duplicate: 0 };
  // One batch is written while the next is read and checked (CPU here, I/O in the database):
  // writes stay strictly in order, one at a time, and a failed write stops the validation.
  let writing: Promise<{ error: unknown } | null> = Promise.resolve(null);
  const written = async () => {
    const failed = await writing;
    if (failed) {
      throw failed.error;
    }
  };
  const flush = async (records: CsvRecord[]) => {
    const classified = classify(records, file, lookup, inFile);
    await written();
    writing = writeBatch(dataSource, importId, owner, classified, tally, leaseMs).then(
      () => null,
      (error: unknown) => ({ error }),
    );
  };
  try {
    let batch: CsvRecord[] = [];
    let header = true;
    for await (const record of readCsvRecords(file.path, file.format)) {
      if (header) {
        header = false;
        continue;
      }
      batch.push(record);
      if (batch.length >= VALIDATION_BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
    await written();
  } finally {
    // Never leave a batch's transaction running behind a failure (a malformed record, say).
    await writing;
  }
  await dataSource
    .createQueryBuilder()
    .update(ImportEntity)
    .set({ status: "validated", totalRows: tally.processed, leaseOwner: null, leaseUntil: null })
    .where("id = :id AND lease_owner = :owner", { id: importId, owner })
    .execute();
}

interface Classified {
  outcomes: RowOutcome[];
  /** Valid rows still to check against the database, with their prospect. */
  candidates: Array<{ outcome: RowOutcome; value: ValidProspect }>;
}

function classify(records: CsvRecord[], file: InspectedFile, lookup: CatalogLookup, inFile: InFileDuplicates): Classified {
  const outcomes: RowOutcome[] = [];
  const candidates: Classified["candidates"] = [];
  for (const record of records) {
    const data = rowData(file.mapping, record.cells);
    const checked = checkImportRow(data, lookup);
    const outcome: RowOutcome = { rowNumber: record.rowNumber, data, state: "valid", errors: null, duplicateOfId: null, duplicateOfRow: null };
    outcomes.push(outcome);
    if (!checked.value) {
      outcome.state = "invalid";
      outcome.errors = checked.errors;
      continue;
    }
    const earlier = inFile.check(record.rowNumber, checked.value);
    if (earlier) {
      outcome.state = "duplicate";
      outcome.duplicateOfRow = earlier.rowNumber;
      outcome.errors = earlier.columns.map((column) => ({ column, message: `same ${WHAT[column]} as row ${earlier.rowNumber}` }));
      continue;
    }
    candidates.push({ outcome, value: checked.value });
  }
  return { outcomes, candidates };
}

/** import_rows columns written by the validation (simple-json columns as JSON text, as TypeORM stores them). */
const ROW_COLUMNS = ["import_id", "row_number", "data", "errors", "state", "duplicate_of_id", "duplicate_of_row"];
const ROWS_PER_INSERT = 500;

async function writeBatch(dataSource: DataSource, importId: number, owner: string, batch: Classified, tally: Tally, leaseMs: number): Promise<void> {
  if (batch.outcomes.length === 0) {
    return;
  }
  const matches = await findDuplicates(dataSource.manager, batch.candidates.map((c) => c.value));
  batch.candidates.forEach(({ outcome }, i) => {
    const match = matches[i]?.[0];
    if (match) {
      outcome.state = "duplicate";
      outcome.duplicateOfId = match.accountId;
      outcome.errors = existingDuplicateErrors(match);
    }
  });
  for (const outcome of batch.outcomes) {
    tally.processed += 1;
    tally[outcome.state === "invalid" ? "invalid" : outcome.state === "duplicate" ? "duplicate" : "valid"] += 1;
  }
  await withLockRetry(() =>
    dataSource.transaction(async (manager) => {
      await renewLease(manager, importId, owner, {
        processedRows: tally.processed,
        validRows: tally.valid,
        invalidRows: tally.invalid,
        duplicateRows: tally.duplicate,
      }, leaseMs);
      const rows = batch.outcomes.map((o) => [importId, o.rowNumber, JSON.stringify(o.data), o.errors ? JSON.stringify(o.errors) : null, o.state, o.duplicateOfId, o.duplicateOfRow]);
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        await insertValues(manager, "import_rows", ROW_COLUMNS, rows.slice(start, start + ROWS_PER_INSERT));
      }
    }),
  );
}

/** Another process claimed the import (our lease expired): stop without writing. */
export class LeaseLostError extends Error {
  constructor(importId: number) {
    super(`import ${importId}: another process took it over`);
    this.name = "LeaseLostError";
  }
}

/**
 * Renews the claim on an import together with `changes`, inside the caller's transaction;
 * throws LeaseLostError (rolling the batch back) when another process holds it now.
 */
export async function renewLease(manager: EntityManager, importId: number, owner: string, changes: QueryDeepPartialEntity<ImportEntity>, leaseMs = LEASE_MS): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(ImportEntity)
    .set({ ...changes, leaseUntil: new Date(Date.now() + leaseMs) })
    .where("id = :id AND lease_owner = :owner", { id: importId, owner })
    .execute();
  if (!result.affected) {
    throw new LeaseLostError(importId);
  }
}
