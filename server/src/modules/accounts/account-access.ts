import type { DataSource, EntityManager } from "typeorm";
import { NotFoundError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import { AccountEntity } from "./account.entity";
import { applyVisibility } from "./account.scope";

/**
 * The account a child row (note, contact, location, reminder, email) belongs to, in the
 * viewer's scope. Out of scope is NOT_FOUND naming the child, so a write never reveals
 * that a row exists on an account the viewer cannot see.
 */
export async function accountInScope(
  db: DataSource | EntityManager,
  viewer: Viewer,
  accountId: number,
  notFound: { kind: string; id: string | number } = { kind: "Account", id: accountId },
): Promise<AccountEntity> {
  const qb = db.getRepository(AccountEntity).createQueryBuilder("a").where("a.id = :id", { id: accountId });
  applyVisibility(qb, viewer);
  const account = await qb.getOne();
  if (!account) {
    throw new NotFoundError(notFound.kind, notFound.id);
  }
  return account;
}

/** One account of a client company in the viewer's scope (the company's comments belong to it), or null. */
export async function companyAccountInScope(db: DataSource | EntityManager, viewer: Viewer, companyId: number): Promise<AccountEntity | null> {
  const qb = db.getRepository(AccountEntity).createQueryBuilder("a").where("a.company_id = :companyId", { companyId });
  applyVisibility(qb, viewer);
  return qb.orderBy("a.id", "ASC").getOne();
}
