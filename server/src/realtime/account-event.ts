import type { EntityManager } from "typeorm";
import type { AccountEntity } from "../modules/accounts/account.entity";
import { CompanyEntity } from "../modules/accounts/company.entity";
import type { Viewer } from "../modules/auth/viewer";

/** What happened to an account (the subscription's AccountChangeKind). */
export type AccountChangeKindName = "CREATED" | "UPDATED" | "MOVED" | "REMOVED" | "NOTE_ADDED";

/**
 * The columns that decide who sees an account (account.scope.ts applyVisibility), as they were
 * when the write committed: subscribers are filtered on them without reading the database.
 */
export interface AccountScopeFacts {
  createdBy: number;
  salesmanId: number | null;
  type: number;
  companyId: number | null;
  /** companies.assigned_executive_id of companyId (MDRs see their companies' clients). */
  companyExecutiveId: number | null;
}

/**
 * One committed account change, as it travels on the bus (JSON). Published only after the
 * transaction commits; ids are numeric database ids (noteId: the Note's global id, which
 * names its table).
 */
export interface AccountEvent {
  kind: AccountChangeKindName;
  accountId: number;
  actorId: number;
  /** ISO 8601. */
  occurredAt: string;
  fromStatusId?: number;
  toStatusId?: number;
  noteId?: string;
  scope: AccountScopeFacts;
  /** The facts before the change, when the change altered them (reassignment, conversion). */
  previousScope?: AccountScopeFacts;
}

/**
 * The scope facts of an account row, read with the write's manager (inside its transaction):
 * one SELECT of the company's executive for a client, none otherwise.
 */
export async function scopeFactsOf(manager: EntityManager, account: Pick<AccountEntity, "createdBy" | "salesmanId" | "type" | "companyId">): Promise<AccountScopeFacts> {
  let companyExecutiveId: number | null = null;
  if (account.companyId !== null) {
    const company = await manager.getRepository(CompanyEntity).findOne({ select: { id: true, assignedExecutiveId: true }, where: { id: account.companyId } });
    companyExecutiveId = company?.assignedExecutiveId ?? null;
  }
  return { createdBy: account.createdBy, salesmanId: account.salesmanId, type: account.type, companyId: account.companyId, companyExecutiveId };
}

type ScopeColumns = Pick<AccountEntity, "id" | "createdBy" | "salesmanId" | "type" | "companyId">;

/** An event by `actor`, now, about `accountId`. */
export function accountEvent(kind: AccountChangeKindName, actor: Pick<Viewer, "id">, accountId: number, scope: AccountScopeFacts, extra: Partial<AccountEvent> = {}): AccountEvent {
  return { kind, accountId, actorId: actor.id, occurredAt: new Date().toISOString(), scope, ...extra };
}

/**
 * The event of a write that turned the account row `before` into `after`, with its scope facts
 * read by the write's manager (inside its transaction). previousScope is set only when the
 * change moved the account between scopes (reassignment, conversion), so subscribers who saw
 * it before and not after are told to drop it (leftScope).
 */
export async function changeEvent(
  manager: EntityManager,
  kind: AccountChangeKindName,
  actor: Pick<Viewer, "id">,
  before: ScopeColumns,
  after: ScopeColumns,
  extra: Pick<AccountEvent, "fromStatusId" | "toStatusId" | "noteId"> = {},
): Promise<AccountEvent> {
  const scope = await scopeFactsOf(manager, after);
  const sameCompany = before.companyId === after.companyId;
  const previous: AccountScopeFacts = sameCompany
    ? { ...scope, createdBy: before.createdBy, salesmanId: before.salesmanId, type: before.type }
    : await scopeFactsOf(manager, before);
  const changed = (Object.keys(scope) as Array<keyof AccountScopeFacts>).some((key) => scope[key] !== previous[key]);
  return accountEvent(kind, actor, after.id, scope, { ...extra, ...(changed ? { previousScope: previous } : {}) });
}
