import type { EntityManager } from "typeorm";
import { dialectOf } from "../../db/data-source";
import { insertValues } from "../../db/raw-insert";
import { respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import { noteAccountWrite } from "./account-write-generation";
import { AccountEntity, AccountStatusCode, type AccountTypeCode } from "./account.entity";
import { companyNameKey } from "./company-name-key";
import type { ValidProspect } from "./prospect-rules";

/** A validated prospect ready to insert, with who creates it and for whom. */
export interface NewProspect extends ValidProspect {
  type: typeof AccountTypeCode.prospect | typeof AccountTypeCode.partnerProspect;
  createdBy: number;
  salesmanId: number;
  /** The creation note on its timeline ("Prospecto creado por …"). */
  creationNote: string;
}

/**
 * A multi-row INSERT got ids that are not one consecutive run (MySQL with
 * innodb_autoinc_lock_mode=2 and concurrent inserts): the caller rolls back and retries
 * with `oneByOne`.
 */
export class NonConsecutiveIdsError extends Error {
  constructor() {
    super("multi-row INSERT into prospection_users got non-consecutive ids");
    this.name = "NonConsecutiveIdsError";
  }
}

/**
 * THE way to create prospects (createProspect with one, the CSV import with hundreds):
 * with the caller's transaction manager, multi-row INSERTs of the accounts, their
 * follow_up_data, one Respond.io outbox job each and their creation notes. Returns the new
 * ids in the order of `prospects`. Ids are read from the driver (first id on MySQL, last on
 * SQLite) and checked against the rows in that id range inside the transaction; a gap
 * throws NonConsecutiveIdsError (nothing to clean: the caller's transaction rolls back).
 */
export async function insertProspects(manager: EntityManager, prospects: readonly NewProspect[], options: { oneByOne?: boolean } = {}): Promise<number[]> {
  if (prospects.length === 0) {
    return [];
  }
  const now = new Date();
  const size = options.oneByOne ? 1 : ROWS_PER_STATEMENT;
  const ids: number[] = [];
  for (let start = 0; start < prospects.length; start += size) {
    ids.push(...(await insertAccountChunk(manager, prospects.slice(start, start + size), now)));
  }
  for (let start = 0; start < prospects.length; start += ROWS_PER_STATEMENT) {
    const chunk = prospects.slice(start, start + ROWS_PER_STATEMENT);
    const chunkIds = ids.slice(start, start + ROWS_PER_STATEMENT);
    await insertValues(manager, "follow_up_data", ["prospect_id", "company_id", "channel", "created_at", "updated_at"], chunk.map((p, i) => [chunkIds[i], null, p.channel, now, now]));
    await writeOutbox(manager, chunkIds.map((id) => respondioAddProspectJob(id)));
    await insertValues(
      manager,
      "prospect_follow_up_comments",
      ["prospect_id", "status_id", "comment", "created_by", "created_at", "updated_at"],
      chunk.map((p, i) => [chunkIds[i], p.followUpStatusId, p.creationNote, p.createdBy, now, now]),
    );
  }
  noteAccountWrite(manager); // plain INSERTs: no TypeORM events reach AccountWriteGenerationSubscriber
  return ids;
}

/**
 * Rows per multi-row INSERT. Plain SQL with `?` placeholders: TypeORM's insert builder
 * (and its per-row subscribers) cost more than the database for thousands of rows, and
 * 200 rows keep every statement far below both drivers' limits. The outbox goes through
 * writeOutbox, in chunks of the same size.
 */
const ROWS_PER_STATEMENT = 200;

/** The prospection_users columns a raw multi-row INSERT of accounts writes (the id is generated). */
export const ACCOUNT_INSERT_COLUMNS = [
  "name",
  "company_name",
  "company_name_key",
  "email",
  "phone_code",
  "phone",
  "company_id",
  "follow_up_id",
  "locale_id",
  "monthly_shipment_id",
  "type",
  "status",
  "created_by",
  "salesman_id",
  "created_at",
  "updated_at",
  "version",
];

async function insertAccountChunk(manager: EntityManager, prospects: readonly NewProspect[], now: Date): Promise<number[]> {
  const rows = prospects.map((p) => [
    p.name,
    p.companyName,
    companyNameKey(p.companyName),
    p.email,
    p.phoneCode,
    p.phone,
    null,
    p.followUpStatusId,
    p.localeId,
    p.monthlyShipmentId,
    p.type,
    AccountStatusCode.inProcess,
    p.createdBy,
    p.salesmanId,
    now,
    now,
    1,
  ]);
  const raw = (await insertValues(manager, "prospection_users", ACCOUNT_INSERT_COLUMNS, rows)) as { insertId?: number } | number | bigint;
  const mysql = dialectOf(manager.connection) === "mysql";
  const first = mysql ? Number((raw as { insertId?: number }).insertId) : Number(raw) - rows.length + 1;
  const ids = prospects.map((_p, i) => first + i);
  if (prospects.length === 1) {
    return ids;
  }
  // Raw rows: hydrating entities here cost more garbage than the INSERT (import commits).
  const found = await manager
    .getRepository(AccountEntity)
    .createQueryBuilder("a")
    .select("a.id", "id")
    .addSelect("a.name", "name")
    .addSelect("a.company_name", "companyName")
    .addSelect("a.created_by", "createdBy")
    .where("a.id BETWEEN :first AND :last", { first, last: ids[ids.length - 1] })
    .orderBy("a.id")
    .getRawMany<{ id: number | string; name: string; companyName: string; createdBy: number | string }>();
  const matches =
    found.length === prospects.length &&
    found.every(
      (row, i) => Number(row.id) === ids[i] && row.name === prospects[i]!.name && row.companyName === prospects[i]!.companyName && Number(row.createdBy) === prospects[i]!.createdBy,
    );
  if (!matches) {
    throw new NonConsecutiveIdsError();
  }
  return ids;
}
