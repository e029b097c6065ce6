import { IsNull, type DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere } from "typeorm";
import { ConflictError, NotFoundError } from "../../graphql/errors";
import { expectGlobalId, type NodeKind } from "../../graphql/global-id";
import type { Viewer } from "../auth/viewer";
import { AccountEntity, AccountStatusCode } from "./account.entity";
import { applyVisibility } from "./account.scope";

/** A removed account (status 0) takes no writes but restoreAccount: CONFLICT ACCOUNT_REMOVED, so nobody edits what the list no longer shows. */
export function expectNotRemoved(account: Pick<AccountEntity, "status">): void {
  if (account.status === AccountStatusCode.removed) {
    throw new ConflictError("This account was removed; restore it first", { reason: "ACCOUNT_REMOVED" });
  }
}

/**
 * The account a write is about (itself, or the one a note, contact, location, reminder or
 * email belongs to), in the viewer's scope. Out of scope is NOT_FOUND naming the child, so
 * a write never reveals that a row exists on an account the viewer cannot see; a removed
 * account is CONFLICT (expectNotRemoved) unless `allowRemoved`.
 */
export async function accountInScope(
  db: DataSource | EntityManager,
  viewer: Viewer,
  accountId: number,
  notFound: { kind: string; id: string | number } = { kind: "Account", id: accountId },
  options: { allowRemoved?: boolean } = {},
): Promise<AccountEntity> {
  const qb = db.getRepository(AccountEntity).createQueryBuilder("a").where("a.id = :id", { id: accountId });
  applyVisibility(qb, viewer);
  const account = await qb.getOne();
  if (!account) {
    throw new NotFoundError(notFound.kind, notFound.id);
  }
  if (!options.allowRemoved) {
    expectNotRemoved(account);
  }
  return account;
}

/**
 * A live (not soft-deleted) child row by its global id, on an account in the viewer's
 * scope. Missing, deleted and out of scope all answer the same NOT_FOUND naming the child.
 */
export async function liveChildInScope<T extends { id: number; prospectId: number | null; deletedAt: Date | null }>(
  dataSource: DataSource,
  viewer: Viewer,
  entity: EntityTarget<T>,
  kind: NodeKind,
  globalId: string,
): Promise<T & { prospectId: number }> {
  const id = expectGlobalId(globalId, kind, "id");
  const row = await dataSource.getRepository(entity).findOneBy({ id, deletedAt: IsNull() } as FindOptionsWhere<T>);
  if (!row || row.prospectId === null) {
    throw new NotFoundError(kind, globalId);
  }
  await accountInScope(dataSource, viewer, row.prospectId, { kind, id: globalId });
  return row as T & { prospectId: number };
}

/**
 * One account of a client company in the viewer's scope (the company's comments belong to
 * it), or null: a live one before a removed one (several accounts can share a company), then
 * the oldest.
 */
export async function companyAccountInScope(db: DataSource | EntityManager, viewer: Viewer, companyId: number): Promise<AccountEntity | null> {
  const qb = db.getRepository(AccountEntity).createQueryBuilder("a").where("a.company_id = :companyId", { companyId });
  applyVisibility(qb, viewer);
  return qb
    .orderBy(`CASE WHEN a.status = ${AccountStatusCode.removed} THEN 1 ELSE 0 END`, "ASC")
    .addOrderBy("a.id", "ASC")
    .getOne();
}
