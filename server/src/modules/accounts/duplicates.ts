import type { EntityManager } from "typeorm";
import { placeholders } from "../../db/sql-values";
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

/** The columns a duplicate check reads, as the raw query returns them. */
interface DuplicateRow {
  id: number | string;
  name: string;
  company_name: string;
  company_name_key: string | null;
  email: string | null;
  phone_code: string | null;
  phone: string | null;
}

/**
 * Existing accounts (of every type and status, removed ones included: they can be restored)
 * that share an email (case-insensitive), a phone code + number, or a company name (accent-
 * and case-insensitive, through the indexed company_name_key) with each candidate. Batched:
 * one statement per 300 candidates, so a CSV import of thousands of rows costs a handful of
 * statements. The statement is a UNION of one IN lookup per indexed column: with three
 * OR-ed IN lists of hundreds of values MariaDB gave up its index merge and scanned the whole
 * table (every batch of an import, ~8 ms per batch at 50,000 accounts and growing with them).
 * Visibility is NOT applied: a duplicate is a duplicate whoever owns it; use
 * `duplicateConflict` to tell the caller without leaking what they may not see.
 */
export async function findDuplicates(
  manager: EntityManager,
  candidates: readonly DuplicateCandidate[],
  options: { excludeAccountId?: number } = {},
): Promise<DuplicateMatch[][]> {
  const keyed = candidates.map((c) => ({ email: c.email?.toLowerCase() ?? null, phoneCode: c.phoneCode, phone: c.phone, nameKey: companyNameKey(c.companyName) }));
  const found = new Map<number, DuplicateRow & { id: number }>();
  for (let start = 0; start < keyed.length; start += CHUNK) {
    const chunk = keyed.slice(start, start + CHUNK);
    const lookups: Array<{ column: string; values: string[] }> = [
      { column: "email", values: unique(chunk.map((c) => c.email)) },
      { column: "phone", values: unique(chunk.map((c) => c.phone)) },
      { column: "company_name_key", values: unique(chunk.map((c) => c.nameKey || null)) },
    ].filter((lookup) => lookup.values.length > 0);
    if (lookups.length === 0) {
      continue;
    }
    const excluded = options.excludeAccountId !== undefined ? " AND a.id <> ?" : "";
    const sql = lookups
      .map(
        (lookup) =>
          `SELECT a.id, a.name, a.company_name, a.company_name_key, a.email, a.phone_code, a.phone FROM prospection_users a WHERE a.${lookup.column} IN (${placeholders(lookup.values.length)})${excluded}`,
      )
      .join(" UNION ");
    const params = lookups.flatMap((lookup) => (options.excludeAccountId !== undefined ? [...lookup.values, options.excludeAccountId] : lookup.values));
    const rows = (await manager.query(`${sql} ORDER BY id`, params)) as DuplicateRow[];
    for (const row of rows) {
      found.set(Number(row.id), { ...row, id: Number(row.id) });
    }
  }
  // Each candidate's matches in the order the rows were found (by id within a statement).
  const order = new Map<DuplicateRow, number>();
  const byEmail = new Map<string, DuplicateRow[]>();
  const byPhone = new Map<string, DuplicateRow[]>();
  const byName = new Map<string, DuplicateRow[]>();
  const add = (index: Map<string, DuplicateRow[]>, key: string, row: DuplicateRow) => {
    const rows = index.get(key);
    if (rows) {
      rows.push(row);
    } else {
      index.set(key, [row]);
    }
  };
  for (const row of found.values()) {
    order.set(row, order.size);
    if (row.email !== null) {
      add(byEmail, row.email.toLowerCase(), row);
    }
    if (row.phone !== null) {
      add(byPhone, row.phone, row);
    }
    if (row.company_name_key !== null) {
      add(byName, row.company_name_key, row);
    }
  }
  return keyed.map((c) => {
    const hits = new Set<DuplicateRow>([
      ...(c.email !== null ? (byEmail.get(c.email) ?? []) : []),
      ...(c.phone !== null ? (byPhone.get(c.phone) ?? []) : []),
      ...(c.nameKey !== "" ? (byName.get(c.nameKey) ?? []) : []),
    ]);
    return [...hits]
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .flatMap((row) => {
        const matchedOn: DuplicateField[] = [];
        if (c.email !== null && row.email?.toLowerCase() === c.email) {
          matchedOn.push("email");
        }
        if (c.phone !== null && row.phone === c.phone && (row.phone_code ?? "") === (c.phoneCode ?? "")) {
          matchedOn.push("phone");
        }
        if (c.nameKey !== "" && row.company_name_key === c.nameKey) {
          matchedOn.push("companyName");
        }
        return matchedOn.length > 0 ? [{ accountId: Number(row.id), name: row.name, companyName: row.company_name, matchedOn }] : [];
      });
  });
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
