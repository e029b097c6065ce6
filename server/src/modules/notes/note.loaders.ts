import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { dialectOf, type Dialect } from "../../db/data-source";
import { comparableDate, dateParam, dateSortKey, placeholders, toDate } from "../../db/sql-values";
import { decodeCursor, encodeCursor } from "../../graphql/connection";
import { UserInputError } from "../../graphql/errors";
import type { NoteAction } from "./note.entities";

/** One note of an account's timeline, from either comment table. */
export interface NoteRecord {
  source: "prospect" | "company";
  id: number;
  accountId: number;
  statusId: number | null;
  comment: string;
  action: NoteAction | null;
  scheduledDate: Date | null;
  createdBy: number;
  createdAt: Date;
  /** created_at as exact text, for cursors. */
  sortKey: string;
}

export interface NotePageKey {
  accountId: number;
  first: number;
  after: string | null;
}

export interface NotePage {
  records: NoteRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface ActivitySummary {
  lastActivityAt: Date | null;
  nextScheduled: NoteRecord | null;
}

/**
 * The timeline of accounts: prospect notes by prospect_id, plus for clients their
 * company's follow_up_comments, as one relation (SQL text, then its parameters).
 */
function timelineSql(dialect: Dialect, accountIds: readonly number[]): { sql: string; params: number[] } {
  const list = placeholders(accountIds.length);
  const sql = `
    SELECT 'prospect' AS source, pc.id AS id, pc.prospect_id AS account_id, pc.status_id AS status_id,
           pc.comment AS comment, pc.action AS action, pc.scheduled_date AS scheduled_date,
           pc.created_by AS created_by, pc.created_at AS created_at, ${dateSortKey(dialect, "pc.created_at")} AS sort_key
      FROM prospect_follow_up_comments pc
     WHERE pc.prospect_id IN (${list}) AND pc.deleted_at IS NULL
    UNION ALL
    SELECT 'company', fc.id, pu.id, fc.follow_up_status_id, fc.comment, fc.action, fc.scheduled_date,
           fc.created_by, fc.created_at, ${dateSortKey(dialect, "fc.created_at")}
      FROM follow_up_comments fc
      JOIN prospection_users pu ON pu.company_id = fc.company_id
     WHERE pu.id IN (${list}) AND fc.deleted_at IS NULL`;
  return { sql, params: [...accountIds, ...accountIds] };
}

type RawNote = Record<string, unknown>;

function toRecord(row: RawNote): NoteRecord {
  return {
    source: row.source === "company" ? "company" : "prospect",
    id: Number(row.id),
    accountId: Number(row.account_id),
    statusId: row.status_id === null ? null : Number(row.status_id),
    comment: String(row.comment),
    action: (row.action as NoteAction | null) ?? null,
    scheduledDate: toDate(row.scheduled_date),
    createdBy: Number(row.created_by),
    createdAt: toDate(row.created_at) ?? new Date(0),
    sortKey: String(row.sort_key),
  };
}

/** Cursor of a note in the newest-first timeline order. */
export function noteCursor(note: NoteRecord): string {
  return encodeCursor([note.sortKey, note.source, note.id]);
}

export function createNoteLoaders(dataSource: DataSource) {
  const dialect = dialectOf(dataSource);

  /** First N notes of many accounts in one statement (window functions), or one page after a cursor. */
  async function loadPages(keys: readonly NotePageKey[]): Promise<NotePage[]> {
    const results = new Map<string, NotePage>();
    const plain = keys.filter((k) => k.after === null);
    const byFirst = new Map<number, number[]>();
    for (const key of plain) {
      byFirst.set(key.first, [...(byFirst.get(key.first) ?? []), key.accountId]);
    }
    for (const [first, accountIds] of byFirst) {
      const timeline = timelineSql(dialect, accountIds);
      const rows: RawNote[] = await dataSource.query(
        `SELECT * FROM (
           SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n.account_id ORDER BY n.created_at DESC, n.source DESC, n.id DESC) AS rn,
                  COUNT(*) OVER (PARTITION BY n.account_id) AS total
             FROM (${timeline.sql}) n
         ) x WHERE x.rn <= ? ORDER BY x.account_id, x.rn`,
        [...timeline.params, first + 1],
      );
      for (const accountId of accountIds) {
        const mine = rows.filter((r) => Number(r.account_id) === accountId);
        results.set(JSON.stringify({ accountId, first, after: null }), {
          records: mine.slice(0, first).map(toRecord),
          totalCount: mine.length > 0 ? Number(mine[0]!.total) : 0,
          hasNextPage: mine.length > first,
        });
      }
    }
    for (const key of keys.filter((k) => k.after !== null)) {
      results.set(JSON.stringify(key), await loadAfter(key));
    }
    return keys.map((key) => results.get(JSON.stringify(key))!);
  }

  async function loadAfter(key: NotePageKey): Promise<NotePage> {
    const [createdAt, source, id] = decodeCursor(key.after ?? "", "notes.after");
    if (typeof createdAt !== "string" || typeof source !== "string" || typeof id !== "number") {
      throw new UserInputError({ "notes.after": "is not a cursor returned by this connection" });
    }
    const at = createdAt;
    const timeline = timelineSql(dialect, [key.accountId]);
    const created = comparableDate(dialect, "n.created_at");
    const rows: RawNote[] = await dataSource.query(
      `SELECT n.*, (SELECT COUNT(*) FROM (${timeline.sql}) t) AS total FROM (${timeline.sql}) n
        WHERE ${created} < ? OR (${created} = ? AND (n.source < ? OR (n.source = ? AND n.id < ?)))
        ORDER BY n.created_at DESC, n.source DESC, n.id DESC LIMIT ?`,
      [...timeline.params, ...timeline.params, at, at, source, source, id, key.first + 1],
    );
    return {
      records: rows.slice(0, key.first).map(toRecord),
      totalCount: rows.length > 0 ? Number(rows[0]!.total) : 0,
      hasNextPage: rows.length > key.first,
    };
  }

  /** Newest note time and soonest upcoming scheduled note of many accounts, in one statement. */
  async function loadActivity(accountIds: readonly number[]): Promise<ActivitySummary[]> {
    const timeline = timelineSql(dialect, accountIds);
    const now = dateParam(dialect, new Date());
    const rows: RawNote[] = await dataSource.query(
      `SELECT * FROM (
         SELECT n.*, MAX(n.created_at) OVER (PARTITION BY n.account_id) AS last_at,
                ROW_NUMBER() OVER (PARTITION BY n.account_id
                  ORDER BY CASE WHEN n.scheduled_date >= ? THEN 0 ELSE 1 END, n.scheduled_date, n.id) AS rn_next,
                CASE WHEN n.scheduled_date >= ? THEN 1 ELSE 0 END AS upcoming
           FROM (${timeline.sql}) n
       ) x WHERE x.rn_next = 1`,
      [now, now, ...timeline.params],
    );
    const byAccount = new Map(rows.map((r) => [Number(r.account_id), r] as const));
    return accountIds.map((id) => {
      const row = byAccount.get(id);
      if (!row) {
        return { lastActivityAt: null, nextScheduled: null };
      }
      return { lastActivityAt: toDate(row.last_at), nextScheduled: Number(row.upcoming) === 1 ? toRecord(row) : null };
    });
  }

  return {
    notesByAccount: new DataLoader<NotePageKey, NotePage, string>(loadPages, { cacheKeyFn: (key) => JSON.stringify(key) }),
    activityByAccountId: new DataLoader<number, ActivitySummary>(loadActivity),
  };
}
