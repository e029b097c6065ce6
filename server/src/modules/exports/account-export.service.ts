import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { DataSource } from "typeorm";
import { UserInputError } from "../../graphql/errors";
import type { UserEntity } from "../auth/user.entity";
import { createUserLoaders } from "../auth/user.loaders";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import { createFollowUpDataLoaders } from "../follow-ups/follow-up-data.loaders";
import { createNoteLoaders } from "../notes/note.loaders";
import type { PreferenceService } from "../preferences/preference.service";
import { TableViewValue } from "../preferences/preference.types";
import { ACCOUNT_COLUMNS, type AccountColumn } from "../preferences/table-columns";
import type { AccountEntity } from "../accounts/account.entity";
import type { AccountFilter, AccountOrder } from "../accounts/account.inputs";
import type { AccountService } from "../accounts/account.service";
import { assertFilterAllowed, validateFilter } from "../accounts/account.scope";
import { exportCells, exportHeaders, exportNeeds, type ExportRecord } from "./account-export.columns";
import { neutralizeCell } from "./csv-safety";
import type { ExportLinks } from "./export-link";

/** Where the CSV is downloaded, beside /graphql. */
export const EXPORT_PATH = "/api/exports/accounts";

/** A checked export: what the CSV will hold. */
export interface AccountExportRequest {
  filter: AccountFilter | null;
  orderBy: AccountOrder | null;
  columns: AccountColumn[];
}

/** What a caller asks for; columns default to the viewer's visible list columns. */
export interface AccountExportAsk {
  filter?: AccountFilter | null;
  orderBy?: AccountOrder | null;
  columns?: readonly string[] | null;
  allColumns?: boolean | null;
}

export interface AccountExportResult {
  rows: number;
  batches: number;
}

/** RFC 4180: comma, CRLF records, quotes doubled; every field with a CR or LF quoted too. */
const CSV_OPTIONS = { bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

/** `accounts-2026-11-27.csv` (UTC date). */
export function exportFileName(now: Date): string {
  return `accounts-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * CSV export of the accounts connection: the same filters, visibility, search and order as
 * `accounts`, streamed in keyset batches (one account SELECT plus one per needed relation
 * per batch) so memory stays flat whatever the size.
 */
export class AccountExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
    private readonly catalogs: CatalogService,
    private readonly preferences: PreferenceService,
    readonly links: ExportLinks,
    readonly batchSize = 500,
  ) {}

  /** Checks the ask and signs a download link for it (exportAccounts). */
  async link(viewer: Viewer, ask: AccountExportAsk, now = new Date()): Promise<{ url: string; expiresAt: Date; fileName: string; columns: string[] }> {
    const request = await this.prepare(viewer, ask);
    const { token, expiresAt } = this.links.sign(viewer.id, request, now);
    return { url: `${EXPORT_PATH}?link=${token}`, expiresAt, fileName: exportFileName(now), columns: request.columns };
  }

  /** Checks the ask as the viewer: filter rules (all-prospects filters FORBIDDEN), known columns. */
  async prepare(viewer: Viewer, ask: AccountExportAsk): Promise<AccountExportRequest> {
    validateFilter(ask.filter);
    assertFilterAllowed(ask.filter, viewer);
    return { filter: ask.filter ?? null, orderBy: ask.orderBy ?? null, columns: await this.columnsOf(viewer, ask) };
  }

  /** Writes the CSV (UTF-8 BOM, header row, one record per account) to `out` and ends it. */
  async write(viewer: Viewer, request: AccountExportRequest, out: Writable): Promise<AccountExportResult> {
    const catalogs = await this.catalogs.all();
    const { columns } = request;
    const needs = exportNeeds(columns);
    const result: AccountExportResult = { rows: 0, batches: 0 };
    const dataSource = this.dataSource;
    const batches = this.accounts.batches(viewer, request.filter, request.orderBy, this.batchSize);
    async function* records(): AsyncGenerator<string[]> {
      yield exportHeaders(columns);
      for await (const batch of batches) {
        result.batches += 1;
        for (const record of await loadRecords(dataSource, batch, needs)) {
          result.rows += 1;
          yield exportCells(columns, record, catalogs).map(neutralizeCell);
        }
      }
    }
    await pipeline(Readable.from(records()), stringify(CSV_OPTIONS), out);
    return result;
  }

  private async columnsOf(viewer: Viewer, ask: AccountExportAsk): Promise<AccountColumn[]> {
    if (ask.allColumns) {
      return [...ACCOUNT_COLUMNS];
    }
    if (ask.columns) {
      return checkColumns(ask.columns);
    }
    const preferences = await this.preferences.get(viewer, TableViewValue.LIST);
    const visible = preferences.columns.filter((c) => c.visible).map((c) => c.key as AccountColumn);
    return visible.length > 0 ? visible : [...ACCOUNT_COLUMNS];
  }
}

/** Known, distinct, at least one; BAD_USER_INPUT naming the offending entry otherwise. */
export function checkColumns(columns: readonly string[]): AccountColumn[] {
  const known = new Set<string>(ACCOUNT_COLUMNS);
  const fields: Record<string, string> = {};
  if (columns.length === 0) {
    fields.columns = `must name at least one column of ${ACCOUNT_COLUMNS.join(", ")}`;
  }
  columns.forEach((column, i) => {
    if (!known.has(column)) {
      fields[`columns[${i}]`] = `"${column}" is not a column; known: ${ACCOUNT_COLUMNS.join(", ")}`;
    } else if (columns.indexOf(column) !== i) {
      fields[`columns[${i}]`] = `"${column}" appears more than once`;
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new UserInputError(fields);
  }
  return columns as AccountColumn[];
}

/** One batch's relations, one statement each, only those the columns need (fresh loaders: nothing is kept between batches). */
async function loadRecords(dataSource: DataSource, batch: AccountEntity[], needs: ReadonlySet<string>): Promise<ExportRecord[]> {
  const ids = batch.map((a) => a.id);
  const users = needs.has("users") ? createUserLoaders(dataSource).usersById : null;
  const userIds = users ? [...new Set(batch.flatMap((a) => (a.salesmanId === null ? [a.createdBy] : [a.createdBy, a.salesmanId])))] : [];
  const [followUps, activities, userRows] = await Promise.all([
    needs.has("followUp") ? createFollowUpDataLoaders(dataSource).followUpDataByProspectId.loadMany(ids) : null,
    needs.has("activity") ? createNoteLoaders(dataSource).activityByAccountId.loadMany(ids) : null,
    users ? users.loadMany(userIds) : null,
  ]);
  const usersById = new Map<number, UserEntity>();
  for (const user of userRows ?? []) {
    const value = valueOf(user);
    if (value) {
      usersById.set(value.id, value);
    }
  }
  return batch.map((account, i) => ({
    account,
    followUp: valueOf(followUps?.[i]),
    activity: valueOf(activities?.[i]),
    salesman: account.salesmanId === null ? null : (usersById.get(account.salesmanId) ?? null),
    creator: usersById.get(account.createdBy) ?? null,
  }));
}

function valueOf<T>(value: T | Error | null | undefined): T | null {
  if (value instanceof Error) {
    throw value;
  }
  return value ?? null;
}
