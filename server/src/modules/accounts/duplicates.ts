import { Brackets, type EntityManager } from "typeorm";
import { ConflictError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import type { Viewer } from "../auth/viewer";
import { AccountEntity } from "./account.entity";
import { applyVisibility } from "./account.scope";
import { companyNameKey } from "./company-name-key";

export type DuplicateField = "email" | "phone" | "companyName";

/** What identifies an account for duplicate checks (a validated draft or a CSV row). */
export interface DuplicateCandidate {
  email: string | null;
  phoneCode: string | null;
  phone: string | null;
  companyName: string;
}

/** An existing account a candidate collides with, and on which fields. */
export interface DuplicateMatch {
  accountId: number;
  name: string;
  companyName: string;
  matchedOn: DuplicateField[];
}

/** Values per IN list: well below every driver's parameter limit, three lists per statement. */
const CHUNK = 300;

/**
 * Existing accounts (of every type and status, removed ones included: they can be restored)
 * that share an email (case-insensitive), a phone code + number, or a company name (accent-
 * and case-insensitive, through the indexed company_name_key) with each candidate. Batched:
 * one indexed statement per 300 candidates, so a CSV import of thousands of rows costs a
 * handful of statements. Visibility is NOT applied: a duplicate is a duplicate whoever owns
 * it; use `duplicateConflict` to tell the caller without leaking what they may not see.
 */
export async function findDuplicates(
  manager: EntityManager,
  candidates: readonly DuplicateCandidate[],
  options: { excludeAccountId?: number } = {},
): Promise<DuplicateMatch[][]> {
  const keyed = candidates.map((c) => ({ email: c.email?.toLowerCase() ?? null, phoneCode: c.phoneCode, phone: c.phone, nameKey: companyNameKey(c.companyName) }));
  const found = new Map<number, AccountEntity>();
  for (let start = 0; start < keyed.length; start += CHUNK) {
    const chunk = keyed.slice(start, start + CHUNK);
    const emails = unique(chunk.map((c) => c.email));
    const phones = unique(chunk.map((c) => c.phone));
    const names = unique(chunk.map((c) => c.nameKey || null));
    const qb = manager
      .getRepository(AccountEntity)
      .createQueryBuilder("a")
      .select(["a.id", "a.name", "a.companyName", "a.companyNameKey", "a.email", "a.phoneCode", "a.phone"]);
    qb.where(
      new Brackets((or) => {
        or.where("1 = 0");
        if (emails.length > 0) {
          or.orWhere("a.email IN (:...emails)", { emails });
        }
        if (phones.length > 0) {
          or.orWhere("a.phone IN (:...phones)", { phones });
        }
        if (names.length > 0) {
          or.orWhere("a.company_name_key IN (:...names)", { names });
        }
      }),
    );
    if (options.excludeAccountId !== undefined) {
      qb.andWhere("a.id <> :excluded", { excluded: options.excludeAccountId });
    }
    for (const row of await qb.orderBy("a.id").getMany()) {
      found.set(row.id, row);
    }
  }
  const rows = [...found.values()];
  return keyed.map((c) =>
    rows.flatMap((row) => {
      const matchedOn: DuplicateField[] = [];
      if (c.email !== null && row.email?.toLowerCase() === c.email) {
        matchedOn.push("email");
      }
      if (c.phone !== null && row.phone === c.phone && (row.phoneCode ?? "") === (c.phoneCode ?? "")) {
        matchedOn.push("phone");
      }
      if (c.nameKey !== "" && row.companyNameKey === c.nameKey) {
        matchedOn.push("companyName");
      }
      return matchedOn.length > 0 ? [{ accountId: row.id, name: row.name, companyName: row.companyName, matchedOn }] : [];
    }),
  );
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ""))];
}

/** The ids among `ids` the viewer may see, in one statement (the same SQL rule as every read). */
export async function visibleAccountIds(manager: EntityManager, viewer: Viewer, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) {
    return new Set();
  }
  const qb = manager.getRepository(AccountEntity).createQueryBuilder("a").select("a.id", "id").where("a.id IN (:...ids)", { ids: [...ids] });
  applyVisibility(qb, viewer);
  const rows = await qb.getRawMany<{ id: number | string }>();
  return new Set(rows.map((r) => Number(r.id)));
}

/** One duplicate as the graph reports it: identity only when the viewer may see the account. */
export interface ReportedDuplicate {
  matchedOn: DuplicateField[];
  existingAccountId: string | null;
  name: string | null;
  companyName: string | null;
}

/**
 * The CONFLICT for a candidate with duplicates. An account in the viewer's scope is named
 * (global id, name, company); one outside it is reported only by the fields that collide,
 * so the check cannot be used to read other salesmen's pipelines.
 */
export async function duplicateConflict(manager: EntityManager, viewer: Viewer, matches: readonly DuplicateMatch[]): Promise<ConflictError> {
  const visible = await visibleAccountIds(manager, viewer, matches.map((m) => m.accountId));
  const duplicates: ReportedDuplicate[] = matches.map((m) =>
    visible.has(m.accountId)
      ? { matchedOn: m.matchedOn, existingAccountId: toGlobalId("Account", m.accountId), name: m.name, companyName: m.companyName }
      : { matchedOn: m.matchedOn, existingAccountId: null, name: null, companyName: null },
  );
  const named = duplicates.find((d) => d.existingAccountId !== null) ?? null;
  const fields = [...new Set(matches.flatMap((m) => m.matchedOn))].join(", ");
  const message = named
    ? `An account with the same ${fields} already exists: ${named.name} (${named.companyName}). Pass allowDuplicate: true to save it anyway.`
    : `An account with the same ${fields} already exists (assigned to another salesman). Pass allowDuplicate: true to save it anyway.`;
  return new ConflictError(message, {
    duplicates,
    existingAccountId: named?.existingAccountId ?? null,
    existingAccountName: named?.name ?? null,
  });
}
