import type { DataSource, EntityManager } from "typeorm";
import { placeholders } from "../../db/sql-values";
import { findDuplicates } from "../accounts/duplicates";
import { insertProspects, NonConsecutiveIdsError, type NewProspect } from "../accounts/prospect-insert";
import { AccountTypeCode } from "../accounts/account.entity";
import type { ImportRowData } from "./import-columns";
import { checkImportRow, type CatalogLookup, type ImportRowError } from "./import-row-rules";
import { withLockRetry } from "../../db/lock-retry";
import { existingDuplicateErrors, LEASE_MS, renewLease } from "./import-validate";
import { ImportEntity, ImportRowEntity } from "./import.entities";

/** Rows per commit transaction. */
export const COMMIT_BATCH = 1000;

/** What commitImport was asked for, kept on the import (imports.options) so a resume does the same. */
export interface CommitOptions {
  skipDuplicates: boolean;
  /** Whoever committed: the creator of the prospects. */
  committedBy: number;
  committedByName: string;
  salesmanId: number;
  followUpStatusId: number | null;
}

/** The states of rows a commit with these options creates. */
export function statesToCreate(options: Pick<CommitOptions, "skipDuplicates">): Array<"valid" | "duplicate"> {
  return options.skipDuplicates ? ["valid"] : ["valid", "duplicate"];
}

/**
 * Creates the prospects of an import, COMMIT_BATCH rows per transaction. Each transaction
 * renews the lease with its progress (so two processes never both commit one import: the
 * loser's batch rolls back, and its rows were only marked if still waiting), re-checks the rows
 * (createProspect rules; with skipDuplicates, duplicates created since validation), inserts
 * the prospects with insertProspects (accounts, follow_up_data, outbox, notes) and marks
 * each row created with its prospect id — so there is always an exact record of which
 * rows went in, and a resume continues from the rows not yet created. `onCommitted` hears of
 * each batch once it has committed (a batch that rolls back reports nothing).
 */
export async function commitImport(
  dataSource: DataSource,
  lookup: CatalogLookup,
  importId: number,
  filename: string,
  options: CommitOptions,
  owner: string,
  /** Called after each batch's COMMIT with the prospects it created (the runner publishes them). */
  onCommitted: (prospectIds: number[]) => void = () => undefined,
  /** How long each batch's lease renewal holds (IMPORT_LEASE_MS). */
  leaseMs = LEASE_MS,
): Promise<void> {
  const states = statesToCreate(options);
  let afterRow = 0;
  for (;;) {
    const rows = await pendingRows(dataSource, importId, afterRow, states);
    if (rows.length === 0) {
      break;
    }
    afterRow = rows[rows.length - 1]!.rowNumber;
    const attempt = (oneByOne: boolean) => withLockRetry(() => dataSource.transaction((manager) => commitBatch(manager, lookup, importId, filename, options, owner, rows, oneByOne, leaseMs)));
    let created: number[];
    try {
      created = await attempt(false);
    } catch (error: unknown) {
      if (!(error instanceof NonConsecutiveIdsError)) {
        throw error;
      }
      created = await attempt(true);
    }
    onCommitted(created);
  }
  await finishCommit(dataSource, importId, owner);
}

/** A row waiting to be created: what a batch reads, and nothing more. */
interface PendingRow {
  id: number;
  rowNumber: number;
  data: ImportRowData;
}

/**
 * The next COMMIT_BATCH waiting rows after `afterRow`, as plain objects (three columns, the
 * data parsed here): hydrating ImportRowEntity (every column, its subscribers' metadata) cost
 * more garbage per row than the insert itself.
 */
async function pendingRows(dataSource: DataSource, importId: number, afterRow: number, states: readonly string[]): Promise<PendingRow[]> {
  const raw = await dataSource
    .getRepository(ImportRowEntity)
    .createQueryBuilder("r")
    .select("r.id", "id")
    .addSelect("r.row_number", "rowNumber")
    .addSelect("r.data", "data")
    .where("r.import_id = :importId AND r.row_number > :afterRow", { importId, afterRow })
    .andWhere("r.state IN (:...states)", { states })
    .orderBy("r.row_number")
    .limit(COMMIT_BATCH)
    .getRawMany<{ id: number | string; rowNumber: number | string; data: string | null }>();
  return raw.map((r) => ({ id: Number(r.id), rowNumber: Number(r.rowNumber), data: r.data ? (JSON.parse(r.data) as ImportRowData) : {} }));
}

/** A row a batch found no longer creatable: invalid now, or a duplicate of an account created since. */
interface RowChange {
  id: number;
  state: "invalid" | "duplicate";
  errors: ImportRowError[];
  /** The account it duplicates (invalid rows keep what they had). */
  duplicateOfId?: number;
}

async function commitBatch(
  manager: EntityManager,
  lookup: CatalogLookup,
  importId: number,
  filename: string,
  options: CommitOptions,
  owner: string,
  rows: readonly PendingRow[],
  oneByOne: boolean,
  leaseMs: number,
): Promise<number[]> {
  const toCreate: Array<{ row: PendingRow; prospect: NewProspect }> = [];
  const changed: RowChange[] = [];
  for (const row of rows) {
    const checked = checkImportRow(row.data, lookup, options.followUpStatusId);
    if (!checked.value) {
      changed.push({ id: row.id, state: "invalid", errors: checked.errors });
      continue;
    }
    const creationNote = `Prospecto importado por ${options.committedByName} (${filename}, fila ${row.rowNumber})`;
    toCreate.push({ row, prospect: { ...checked.value, type: AccountTypeCode.prospect, createdBy: options.committedBy, salesmanId: options.salesmanId, creationNote } });
  }
  let creating = toCreate;
  if (options.skipDuplicates && toCreate.length > 0) {
    // Accounts created since the validation (by anyone) make a valid row a duplicate now.
    const matches = await findDuplicates(manager, toCreate.map((c) => c.prospect));
    creating = toCreate.filter(({ row }, i) => {
      const match = matches[i]?.[0];
      if (match) {
        changed.push({ id: row.id, state: "duplicate", errors: existingDuplicateErrors(match), duplicateOfId: match.accountId });
      }
      return !match;
    });
  }
  const ids = await insertProspects(manager, creating.map((c) => c.prospect), { oneByOne });
  await markCreated(manager, creating.map((c, i) => ({ rowId: c.row.id, prospectId: ids[i]! })));
  for (const { id, ...change } of changed) {
    await manager.getRepository(ImportRowEntity).update({ id }, change);
  }
  // Last, so the import's row is locked only briefly; losing the lease rolls the batch back.
  await renewLease(manager, importId, owner, { createdRows: () => `created_rows + ${creating.length}`, processedRows: () => `processed_rows + ${rows.length}` }, leaseMs);
  return ids;
}

/**
 * import_rows → created with its prospect id, MARK_ROWS rows per UPDATE (CASE on the row id).
 * Only rows still waiting are touched; any other count means a concurrent writer, so the
 * batch (prospects included) rolls back.
 */
async function markCreated(manager: EntityManager, links: Array<{ rowId: number; prospectId: number }>): Promise<void> {
  for (let start = 0; start < links.length; start += MARK_ROWS) {
    const chunk = links.slice(start, start + MARK_ROWS);
    const cases = chunk.map(() => "WHEN ? THEN ?").join(" ");
    const sql = `UPDATE import_rows SET state = 'created', prospect_id = CASE id ${cases} END WHERE id IN (${placeholders(chunk.length)}) AND state IN ('valid', 'duplicate')`;
    const params = [...chunk.flatMap((l) => [l.rowId, l.prospectId]), ...chunk.map((l) => l.rowId)];
    const result = await manager.queryRunner!.query(sql, params, true);
    if (result.affected !== chunk.length) {
      throw new Error(`import rows changed under the commit: ${String(result.affected)} of ${chunk.length} rows were still waiting`);
    }
  }
}

/**
 * Rows per marking UPDATE. The database walks the CASE for every row it updates, so one
 * UPDATE of a whole 1,000-row batch compared ~500,000 ids (~35 ms, more than inserting the
 * batch's accounts); 100 rows per statement cost a tenth of that in comparisons.
 */
const MARK_ROWS = 100;

/** Final counts from the rows themselves, status committed, lease released. */
async function finishCommit(dataSource: DataSource, importId: number, owner: string): Promise<void> {
  const counts = await dataSource
    .getRepository(ImportRowEntity)
    .createQueryBuilder("r")
    .select("r.state", "state")
    .addSelect("COUNT(*)", "count")
    .where("r.import_id = :importId", { importId })
    .groupBy("r.state")
    .getRawMany<{ state: string; count: number | string }>();
  const count = (state: string) => Number(counts.find((c) => c.state === state)?.count ?? 0);
  await dataSource
    .createQueryBuilder()
    .update(ImportEntity)
    .set({ status: "committed", createdRows: count("created"), invalidRows: count("invalid"), duplicateRows: count("duplicate"), validRows: count("valid") + count("created"), leaseOwner: null, leaseUntil: null })
    .where("id = :id AND lease_owner = :owner", { id: importId, owner })
    .execute();
}
