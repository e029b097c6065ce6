import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { dialectOf } from "../../db/data-source";
import { insertRows, rowsPerStatement } from "../../db/seed/bulk-insert";
import { respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { ProspectNoteEntity } from "../notes/note.entities";
import { AccountEntity, AccountStatusCode, type AccountTypeCode } from "./account.entity";
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
  const accountRows = prospects.map((p) => ({
    name: p.name,
    companyName: p.companyName,
    email: p.email,
    phoneCode: p.phoneCode,
    phone: p.phone,
    localeId: p.localeId,
    monthlyShipmentId: p.monthlyShipmentId,
    followUpId: p.followUpStatusId,
    type: p.type,
    status: AccountStatusCode.inProcess,
    companyId: null,
    createdBy: p.createdBy,
    salesmanId: p.salesmanId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
  const size = options.oneByOne ? 1 : rowsPerStatement(manager, AccountEntity);
  const ids: number[] = [];
  for (let start = 0; start < accountRows.length; start += size) {
    ids.push(...(await insertAccountChunk(manager, accountRows.slice(start, start + size))));
  }
  await insertRows(
    manager,
    FollowUpDataEntity,
    prospects.map((p, i) => ({ prospectId: ids[i]!, companyId: null, channel: p.channel, createdAt: now, updatedAt: now })),
  );
  await writeOutbox(manager, ids.map((id) => respondioAddProspectJob(id)));
  await insertRows(
    manager,
    ProspectNoteEntity,
    prospects.map((p, i) => ({ prospectId: ids[i]!, statusId: p.followUpStatusId, comment: p.creationNote, action: null, scheduledDate: null, createdBy: p.createdBy, createdAt: now, updatedAt: now, deletedAt: null })),
  );
  return ids;
}

type AccountRow = QueryDeepPartialEntity<AccountEntity> & { name: string; companyName: string; createdBy: number };

async function insertAccountChunk(manager: EntityManager, rows: AccountRow[]): Promise<number[]> {
  const result = await manager.createQueryBuilder().insert().into(AccountEntity).values(rows).updateEntity(false).execute();
  const raw = result.raw as { insertId?: number } | number | bigint;
  const mysql = dialectOf(manager.connection) === "mysql";
  const first = mysql ? Number((raw as { insertId?: number }).insertId) : Number(raw) - rows.length + 1;
  const ids = rows.map((_row, i) => first + i);
  if (rows.length === 1) {
    return ids;
  }
  const found = await manager
    .getRepository(AccountEntity)
    .createQueryBuilder("a")
    .select(["a.id", "a.name", "a.companyName", "a.createdBy"])
    .where("a.id BETWEEN :first AND :last", { first, last: ids[ids.length - 1] })
    .orderBy("a.id")
    .getMany();
  const matches =
    found.length === rows.length &&
    found.every((row, i) => row.id === ids[i] && row.name === rows[i]!.name && row.companyName === rows[i]!.companyName && row.createdBy === rows[i]!.createdBy);
  if (!matches) {
    throw new NonConsecutiveIdsError();
  }
  return ids;
}
