import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { dialectOf, type Dialect } from "../../db/data-source";
import { comparableDate, dateParam, dateSortKey, placeholders, toDate } from "../../db/sql-values";
import { decodeCursor, encodeCursor } from "../../graphql/connection";
import { UserInputError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
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

/** Global id of a note: P for prospect_follow_up_comments, C for follow_up_comments. */
export function noteGlobalId(note: Pick<NoteRecord, "source" | "id">): string {
  return toGlobalId("Note", `${note.source === "company" ? "C" : "P"}${note.id}`);
}

/** Cursor of a note in the newest-first timeline order. */
export function noteCursor(note: NoteRecord): string {
  return encodeCursor([note.sortKey, note.source, note.id]);
}

/**
 * A timeline window read for one account: its first `first` notes (a page), or with `first` null
 * its activity summary. One statement answers both, so a request asking an account's notes and its
 * last/next activity reads the timeline once.
 */
interface WindowKey {
  accountId: number;
  first: number | null;
}

function windowKey(key: WindowKey): string {
  return `${key.accountId}:${key.first ?? "summary"}`;
}

function toPage(rows: RawNote[], first: number): NotePage {
  const mine = rows.filter((r) => Number(r.rn) <= first + 1);
  return {
    records: mine.slice(0, first).map(toRecord),
    totalCount: mine.length > 0 ? Number(mine[0]!.total) : 0,
    hasNextPage: mine.length > first,
  };
}

function toSummary(rows: RawNote[]): ActivitySummary {
  const row = rows.find((r) => Number(r.rn_next) === 1);
  if (!row) {
    return { lastActivityAt: null, nextScheduled: null };
  }
  return { lastActivityAt: toDate(row.last_at), nextScheduled: Number(row.upcoming) === 1 ? toRecord(row) : null };
}

export function createNoteLoaders(dataSource: DataSource) {
  const dialect = dialectOf(dataSource);

  /**
   * Per account, in one statement (window functions): its notes ranked newest first (rn) up to
   * `noteLimit`, with their count, plus the row of its soonest upcoming scheduled note (rn_next = 1,
   * else its earliest note) carrying its newest note time.
   */
  async function readWindow(accountIds: readonly number[], noteLimit: number): Promise<Map<number, RawNote[]>> {
    const timeline = timelineSql(dialect, accountIds);
    const now = dateParam(dialect, new Date());
    const rows: RawNote[] = await dataSource.query(
      `SELECT * FROM (
         SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n.account_id ORDER BY n.created_at DESC, n.source DESC, n.id DESC) AS rn,
                COUNT(*) OVER (PARTITION BY n.account_id) AS total,
                MAX(n.created_at) OVER (PARTITION BY n.account_id) AS last_at,
                ROW_NUMBER() OVER (PARTITION BY n.account_id
                  ORDER BY CASE WHEN n.scheduled_date >= ? THEN 0 ELSE 1 END, n.scheduled_date, n.id) AS rn_next,
                CASE WHEN n.scheduled_date >= ? THEN 1 ELSE 0 END AS upcoming
           FROM (${timeline.sql}) n
       ) x WHERE x.rn <= ? OR x.rn_next = 1 ORDER BY x.account_id, x.rn`,
      [now, now, ...timeline.params, noteLimit],
    );
    const byAccount = new Map<number, RawNote[]>();
    for (const row of rows) {
      const accountId = Number(row.account_id);
      const mine = byAccount.get(accountId);
      if (mine) {
        mine.push(row);
      } else {
        byAccount.set(accountId, [row]);
      }
    }
    return byAccount;
  }

  /** One statement per page size asked (one in practice); the summaries asked ride with the first. */
  async function loadWindows(keys: readonly WindowKey[]): Promise<RawNote[][]> {
    const summaryIds = keys.filter((k) => k.first === null).map((k) => k.accountId);
    const firsts = [...new Set(keys.flatMap((k) => (k.first === null ? [] : [k.first])))];
    const results = new Map<string, RawNote[]>();
    // Summaries only: one statement ranking no notes (noteLimit 0).
    const groups: Array<number | null> = firsts.length > 0 ? firsts : [null];
    for (const [i, first] of groups.entries()) {
      const summaries = i === 0 ? summaryIds : [];
      const pageIds = first === null ? [] : keys.filter((k) => k.first === first).map((k) => k.accountId);
      const byAccount = await readWindow([...new Set([...pageIds, ...summaries])], first === null ? 0 : first + 1);
      for (const accountId of pageIds) {
        results.set(windowKey({ accountId, first }), byAccount.get(accountId) ?? []);
      }
      for (const accountId of summaries) {
        results.set(windowKey({ accountId, first: null }), byAccount.get(accountId) ?? []);
      }
    }
    return keys.map((key) => results.get(windowKey(key)) ?? []);
  }

  const windows = new DataLoader<WindowKey, RawNote[], string>(loadWindows, { cacheKeyFn: windowKey });

  /** First N notes of many accounts through the shared window read, or one page after a cursor. */
  async function loadPages(keys: readonly NotePageKey[]): Promise<Array<NotePage | Error>> {
    const plain = keys.filter((k) => k.after === null);
    const read = await windows.loadMany(plain.map(({ accountId, first }) => ({ accountId, first })));
    const results = new Map<string, NotePage | Error>();
    plain.forEach((key, i) => {
      const rows = read[i]!;
      results.set(JSON.stringify(key), rows instanceof Error ? rows : toPage(rows, key.first));
    });
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

  /** Newest note time and soonest upcoming scheduled note of many accounts, through the shared window read. */
  async function loadActivity(accountIds: readonly number[]): Promise<Array<ActivitySummary | Error>> {
    const read = await windows.loadMany(accountIds.map((accountId) => ({ accountId, first: null })));
    return read.map((rows) => (rows instanceof Error ? rows : toSummary(rows)));
  }

  return {
    notesByAccount: new DataLoader<NotePageKey, NotePage, string>(loadPages, { cacheKeyFn: (key) => JSON.stringify(key) }),
    activityByAccountId: new DataLoader<number, ActivitySummary>(loadActivity),
  };
}
