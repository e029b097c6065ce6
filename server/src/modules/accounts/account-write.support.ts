import type { DataSource, EntityManager, SelectQueryBuilder } from "typeorm";
import { ConflictError, UserInputError } from "../../graphql/errors";
import { expectGlobalId } from "../../graphql/global-id";
import { PermissionEntity, UserPermissionEntity } from "../auth/permission.entity";
import { UserEntity } from "../auth/user.entity";
import type { Viewer } from "../auth/viewer";
import { CompanyNoteEntity, ProspectNoteEntity } from "../notes/note.entities";
import { accountInScope } from "./account-access";
import { AccountEntity, AccountTypeCode } from "./account.entity";

/**
 * The account a write is about, read inside the write's transaction and inside the viewer's
 * scope: out of scope is NOT_FOUND (as for reads); a removed account only restoreAccount
 * may touch (CONFLICT otherwise, so nobody edits what the list no longer shows).
 */
export async function loadForWrite(manager: EntityManager, viewer: Viewer, accountGlobalId: string, options: { allowRemoved?: boolean } = {}): Promise<AccountEntity> {
  const id = expectGlobalId(accountGlobalId, "Account", "accountId");
  return accountInScope(manager, viewer, id, { kind: "Account", id: accountGlobalId }, options);
}

/**
 * One account write as every versioned mutation does it: in a single transaction, the
 * account loaded in the viewer's scope (loadForWrite), the caller's version checked
 * (expectVersion), then `write` with the same manager, so nothing is half-written.
 */
export function writeInScope<T>(
  dataSource: DataSource,
  viewer: Viewer,
  target: { accountId: string; version?: number | null },
  write: (manager: EntityManager, account: AccountEntity) => Promise<T>,
  options: { allowRemoved?: boolean } = {},
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const account = await loadForWrite(manager, viewer, target.accountId, options);
    expectVersion(account, target.version);
    return write(manager, account);
  });
}

/** CONFLICT for an update based on an old read, with the version to reload. */
export function staleVersion(currentVersion: number): ConflictError {
  return new ConflictError("Someone changed this account after you loaded it; reload and try again", { reason: "STALE_VERSION", currentVersion });
}

/** Fails early when the caller sent a version and it is not the one just read. */
export function expectVersion(account: AccountEntity, version: number | null | undefined): void {
  if (version !== undefined && version !== null && version !== account.version) {
    throw staleVersion(account.version);
  }
}

/**
 * Writes `changes` to the account and bumps its version, on condition that the row still
 * has the version that was read (compare-and-set): a concurrent writer makes this CONFLICT
 * instead of being silently overwritten. Returns the fresh row.
 */
export async function writeAccount(manager: EntityManager, account: AccountEntity, changes: Partial<AccountEntity>): Promise<AccountEntity> {
  const result = await manager
    .createQueryBuilder()
    .update(AccountEntity)
    .set(changes)
    .where("id = :id AND version = :version", { id: account.id, version: account.version })
    .execute();
  if (!result.affected) {
    const current = await manager.getRepository(AccountEntity).findOneBy({ id: account.id });
    throw staleVersion(current?.version ?? account.version);
  }
  return manager.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
}

/**
 * A system note on the account's timeline, into the table the seed prescribes: a client's
 * go to its company's follow_up_comments, prospects' to prospect_follow_up_comments.
 * Both tables are on a client's timeline, so nothing written before conversion is lost.
 */
export async function writeAccountNote(
  manager: EntityManager,
  account: Pick<AccountEntity, "id" | "type" | "companyId" | "followUpId">,
  note: { comment: string; createdBy: number; statusId?: number },
): Promise<void> {
  const statusId = note.statusId ?? account.followUpId;
  if (account.type === AccountTypeCode.client && account.companyId !== null) {
    await manager.getRepository(CompanyNoteEntity).insert({ companyId: account.companyId, followUpStatusId: statusId, comment: note.comment, action: null, scheduledDate: null, createdBy: note.createdBy });
    return;
  }
  await manager.getRepository(ProspectNoteEntity).insert({ prospectId: account.id, statusId, comment: note.comment, action: null, scheduledDate: null, createdBy: note.createdBy });
}

/** Active users holding crm (alias `u`): who can be an account's executive. */
export function activeCrmUsers(manager: DataSource | EntityManager): SelectQueryBuilder<UserEntity> {
  return manager
    .getRepository(UserEntity)
    .createQueryBuilder("u")
    .where("u.active = :active", { active: true })
    .andWhere(
      `EXISTS (${manager
        .createQueryBuilder()
        .select("1")
        .from(UserPermissionEntity, "up")
        .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
        .where("up.user_id = u.id AND p.key = 'crm'")
        .getQuery()})`,
    );
}

/** A user who can be an account's executive: exists, active, has crm; BAD_USER_INPUT on `field` otherwise. */
export async function resolveSalesman(manager: EntityManager, globalId: string, field = "salesmanId"): Promise<UserEntity> {
  const id = expectGlobalId(globalId, "User", field);
  const user = await activeCrmUsers(manager).andWhere("u.id = :id", { id }).getOne();
  if (!user) {
    throw new UserInputError({ [field]: "is not an active CRM user" });
  }
  return user;
}
