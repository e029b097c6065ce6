import type { DataSource, SelectQueryBuilder } from "typeorm";
import { ForbiddenError, UserInputError } from "../../graphql/errors";
import { expectGlobalId } from "../../graphql/global-id";
import { PermissionEntity, UserPermissionEntity } from "../auth/permission.entity";
import type { Viewer } from "../auth/viewer";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "./account.entity";
import type { AccountFilter } from "./account.inputs";
import { AccountStatus, AccountType } from "./account.types";
import { CompanyEntity } from "./company.entity";

const TYPE_CODES: Record<AccountType, AccountTypeCode> = {
  [AccountType.PROSPECT]: AccountTypeCode.prospect,
  [AccountType.CLIENT]: AccountTypeCode.client,
  [AccountType.PARTNER_PROSPECT]: AccountTypeCode.partnerProspect,
};

const STATUS_CODES: Record<AccountStatus, AccountStatusCode> = {
  [AccountStatus.REMOVED]: AccountStatusCode.removed,
  [AccountStatus.IN_PROCESS]: AccountStatusCode.inProcess,
  [AccountStatus.REGISTERED]: AccountStatusCode.registered,
};

/**
 * Restricts `a` (prospection_users) to what the viewer may see, inside the SQL:
 * SDRs their own (created or assigned), MDRs also the clients of companies assigned to
 * them, managers everything.
 */
export function applyVisibility(qb: SelectQueryBuilder<AccountEntity>, viewer: Viewer, alias = "a"): void {
  if (viewer.scope === "all") {
    return;
  }
  const own = `(${alias}.created_by = :viewerId OR ${alias}.salesman_id = :viewerId)`;
  if (viewer.scope === "own") {
    qb.andWhere(own, { viewerId: viewer.id });
    return;
  }
  const companies = qb
    .subQuery()
    .select("c.id")
    .from(CompanyEntity, "c")
    .where("c.assigned_executive_id = :viewerId")
    .getQuery();
  qb.andWhere(`(${own} OR (${alias}.type = :clientType AND ${alias}.company_id IN ${companies}))`, {
    viewerId: viewer.id,
    clientType: AccountTypeCode.client,
  });
}

/**
 * applyVisibility's rule on an account's scope facts instead of SQL (subscription events are
 * filtered per subscriber without reading the database): keep the two in step.
 */
export function scopeAllows(viewer: Viewer, facts: { createdBy: number; salesmanId: number | null; type: number; companyId: number | null; companyExecutiveId: number | null }): boolean {
  if (viewer.scope === "all") {
    return true;
  }
  const own = facts.createdBy === viewer.id || facts.salesmanId === viewer.id;
  if (own || viewer.scope === "own") {
    return own;
  }
  return facts.type === AccountTypeCode.client && facts.companyId !== null && facts.companyExecutiveId === viewer.id;
}

/**
 * The one source of the all-prospects filter rule (the shield rule and services use it):
 * salesman, sales-role and date-range filters without all-prospects are FORBIDDEN naming
 * the filter, never silently ignored. Null when the filter is allowed.
 */
export function forbiddenFilterError(filter: AccountFilter | null | undefined, hasAllProspects: boolean): ForbiddenError | null {
  if (!filter || hasAllProspects) {
    return null;
  }
  const named = [
    filter.salesmanIds?.length ? "salesmanIds" : null,
    filter.salesRoles?.length ? "salesRoles" : null,
    filter.createdAt && (filter.createdAt.from || filter.createdAt.to) ? "createdAt" : null,
  ].filter((name): name is string => name !== null);
  if (named.length === 0) {
    return null;
  }
  return new ForbiddenError(`The ${named.join(", ")} filter${named.length > 1 ? "s need" : " needs"} the all-prospects permission`);
}

/** Throwing form of forbiddenFilterError, for services reached without the shield. */
export function assertFilterAllowed(filter: AccountFilter | null | undefined, viewer: Viewer): void {
  const error = forbiddenFilterError(filter, viewer.has("all-prospects"));
  if (error) {
    throw error;
  }
}

/** Escapes LIKE wildcards with "!" (the same escape character on SQLite and MySQL). */
function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * The text search as one condition per column, each a prefix LIKE that its own index
 * (idx_prospection_users_name, _company_name, _email, _phone) can range-scan: a prefix of the
 * name, company name or email (case-insensitive), or, when the term is a phone number
 * (spaces, dashes, parentheses and "+" ignored), a prefix of the digits-only phone.
 * Null for no search. The account list runs one indexed branch per condition
 * (AccountService); filters that only narrow a query join them with OR.
 */
export function searchConditions(search: string | null | undefined): { conditions(alias: string): string[]; params: Record<string, string> } | null {
  const term = search?.trim();
  if (!term) {
    return null;
  }
  const digits = term.replace(/[\s()+-]/g, "");
  const phone = /^\d+$/.test(digits);
  return {
    conditions: (alias) => [
      `${alias}.name LIKE :searchPrefix ESCAPE '!'`,
      `${alias}.company_name LIKE :searchPrefix ESCAPE '!'`,
      `${alias}.email LIKE :searchPrefix ESCAPE '!'`,
      ...(phone ? [`${alias}.phone LIKE :searchPhonePrefix`] : []),
    ],
    params: { searchPrefix: `${escapeLike(term)}%`, ...(phone ? { searchPhonePrefix: `${digits}%` } : {}) },
  };
}

/** Applies the filter's conditions to `a`; removed accounts stay hidden unless asked for. */
export function applyFilter(qb: SelectQueryBuilder<AccountEntity>, filter: AccountFilter | null | undefined, dataSource: DataSource, alias = "a"): void {
  const statuses = filter?.accountStatuses?.length
    ? filter.accountStatuses.map((s) => STATUS_CODES[s])
    : [AccountStatusCode.inProcess, AccountStatusCode.registered];
  qb.andWhere(`${alias}.status IN (:...accountStatuses)`, { accountStatuses: statuses });
  if (!filter) {
    return;
  }
  const search = searchConditions(filter.search);
  if (search) {
    qb.andWhere(`(${search.conditions(alias).join(" OR ")})`, search.params);
  }
  if (filter.statusIds?.length) {
    qb.andWhere(`${alias}.follow_up_id IN (:...statusIds)`, { statusIds: filter.statusIds });
  }
  if (filter.types?.length) {
    qb.andWhere(`${alias}.type IN (:...types)`, { types: filter.types.map((t) => TYPE_CODES[t]) });
  }
  if (filter.localeIds?.length) {
    qb.andWhere(`${alias}.locale_id IN (:...localeIds)`, { localeIds: filter.localeIds });
  }
  const followUp: string[] = [];
  const followUpParams: Record<string, unknown> = {};
  if (filter.ecommerceTypeIds?.length) {
    followUp.push("f.ecommerce_type_id IN (:...ecommerceTypeIds)");
    followUpParams.ecommerceTypeIds = filter.ecommerceTypeIds;
  }
  if (filter.accountSizes?.length) {
    followUp.push("f.account_type IN (:...accountSizes)");
    followUpParams.accountSizes = filter.accountSizes;
  }
  if (filter.channels?.length) {
    followUp.push("f.channel IN (:...channels)");
    followUpParams.channels = filter.channels;
  }
  if (followUp.length > 0) {
    const sub = dataSource
      .createQueryBuilder()
      .select("f.prospect_id")
      .from(FollowUpDataEntity, "f")
      .where(followUp.join(" AND "));
    qb.andWhere(`${alias}.id IN (${sub.getQuery()})`, followUpParams);
  }
  if (filter.createdAt?.from) {
    qb.andWhere(`${alias}.created_at >= :createdFrom`, { createdFrom: filter.createdAt.from });
  }
  if (filter.createdAt?.to) {
    qb.andWhere(`${alias}.created_at <= :createdTo`, { createdTo: filter.createdAt.to });
  }
  if (filter.salesmanIds?.length) {
    const ids = filter.salesmanIds.map((id, i) => expectGlobalId(id, "User", `filter.salesmanIds[${i}]`));
    qb.andWhere(`${alias}.salesman_id IN (:...salesmanIds)`, { salesmanIds: ids });
  }
  if (filter.salesRoles?.length) {
    const sub = dataSource
      .createQueryBuilder()
      .select("up.user_id")
      .from(UserPermissionEntity, "up")
      .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
      .where("p.key IN (:...salesRoles)");
    qb.andWhere(`${alias}.salesman_id IN (${sub.getQuery()})`, { salesRoles: filter.salesRoles });
  }
  if (filter.importId) {
    // idx_import_rows_import_prospect answers it per account; MariaDB turns it into a semijoin over the import's rows.
    qb.andWhere(`EXISTS (SELECT 1 FROM import_rows fir WHERE fir.import_id = :filterImportId AND fir.prospect_id = ${alias}.id)`, {
      filterImportId: importIdOf(filter),
    });
  }
}

/** The filter's CsvImport id as a number; BAD_USER_INPUT naming filter.importId when it is not one. */
function importIdOf(filter: AccountFilter): number | null {
  return filter.importId ? expectGlobalId(filter.importId, "CsvImport", "filter.importId") : null;
}

/** Catches filter values that are well-typed but meaningless before any SQL runs. */
export function validateFilter(filter: AccountFilter | null | undefined): void {
  if (filter) {
    importIdOf(filter);
  }
  const range = filter?.createdAt;
  if (range?.from && range.to && range.from > range.to) {
    throw new UserInputError({ "filter.createdAt": "from must not be after to" });
  }
}
