import { In, type DataSource } from "typeorm";
import { dialectOf } from "../../db/data-source";
import { dateParam, toDate } from "../../db/sql-values";
import { UserInputError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import type { NoteAction } from "../notes/note.entities";
import type { NoteRecord } from "../notes/note.loaders";
import { ReminderEntity } from "../reminders/reminder.entity";
import { AccountEntity } from "./account.entity";
import type { AccountFilter } from "./account.inputs";
import { applyFilter, applyVisibility, assertFilterAllowed, validateFilter } from "./account.scope";

/** One calendar item as the service returns it (Activity in the graph). */
export interface ActivityItem {
  kind: "NOTE" | "REMINDER";
  date: Date;
  title: string;
  completed: boolean;
  action: NoteAction | null;
  accountId: number;
  note: NoteRecord | null;
  reminder: ReminderEntity | null;
}

const MAX_DAYS = 93;
const MAX_ITEMS = 2000;
const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;

/**
 * The calendar: scheduled notes of both comment tables and reminders due in [from, to),
 * of accounts in the viewer's scope and filter (the same SQL as the accounts list, as a
 * subquery; a company's note appears once, on the company's first account in scope, as
 * NoteService does). One statement for the items, one for their reminders' rows; the accounts come
 * through the request's accountsById loader.
 */
export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  async list(viewer: Viewer, from: Date, to: Date, filter: AccountFilter | null | undefined): Promise<ActivityItem[]> {
    if (!(from < to)) {
      throw new UserInputError({ to: "must be after from" });
    }
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
      throw new UserInputError({ to: `the range may span at most ${MAX_DAYS} days` });
    }
    validateFilter(filter);
    assertFilterAllowed(filter, viewer);
    const dialect = dialectOf(this.dataSource);
    const visible = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a").select("a.id");
    applyVisibility(visible, viewer);
    applyFilter(visible, filter, this.dataSource);
    const [scopeSql, scopeParams] = visible.getQueryAndParameters();
    const range = [dateParam(dialect, from), dateParam(dialect, to)];
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT 'prospect' AS source, pc.id AS id, pc.prospect_id AS account_id, pc.status_id AS status_id, pc.comment AS title,
                pc.action AS action, pc.scheduled_date AS date, pc.created_by AS created_by, pc.created_at AS created_at, NULL AS completed_at
           FROM prospect_follow_up_comments pc
          WHERE pc.deleted_at IS NULL AND pc.scheduled_date >= ? AND pc.scheduled_date < ? AND pc.prospect_id IN (${scopeSql})
         UNION ALL
         SELECT 'company', fc.id, acc.account_id, fc.follow_up_status_id, fc.comment, fc.action, fc.scheduled_date, fc.created_by, fc.created_at, NULL
           FROM follow_up_comments fc
           JOIN (SELECT pu.company_id AS company_id, MIN(pu.id) AS account_id FROM prospection_users pu
                  WHERE pu.company_id IS NOT NULL AND pu.id IN (${scopeSql}) GROUP BY pu.company_id) acc ON acc.company_id = fc.company_id
          WHERE fc.deleted_at IS NULL AND fc.scheduled_date >= ? AND fc.scheduled_date < ?
         UNION ALL
         SELECT 'reminder', r.id, r.prospect_id, NULL, r.text, NULL, r.due_at, r.created_by, r.created_at, r.completed_at
           FROM reminders r
          WHERE r.deleted_at IS NULL AND r.due_at >= ? AND r.due_at < ? AND r.prospect_id IN (${scopeSql})
       ) items ORDER BY items.date, items.source, items.id LIMIT ?`,
      [...range, ...scopeParams, ...scopeParams, ...range, ...range, ...scopeParams, MAX_ITEMS],
    );
    const reminderIds = rows.filter((r) => r.source === "reminder").map((r) => Number(r.id));
    const reminders = reminderIds.length === 0 ? [] : await this.dataSource.getRepository(ReminderEntity).findBy({ id: In(reminderIds) });
    const reminderById = new Map(reminders.map((r) => [r.id, r] as const));
    return rows.map((row) => {
      const date = toDate(row.date) ?? new Date(0);
      const accountId = Number(row.account_id);
      if (row.source === "reminder") {
        const reminder = reminderById.get(Number(row.id)) ?? null;
        return { kind: "REMINDER", date, title: String(row.title), completed: row.completed_at !== null, action: null, accountId, note: null, reminder };
      }
      const action = (row.action as NoteAction | null) ?? null;
      const note: NoteRecord = {
        source: row.source === "company" ? "company" : "prospect",
        id: Number(row.id),
        accountId,
        statusId: row.status_id === null ? null : Number(row.status_id),
        comment: String(row.title),
        action,
        scheduledDate: date,
        createdBy: Number(row.created_by),
        createdAt: toDate(row.created_at) ?? new Date(0),
        sortKey: "",
      };
      return { kind: "NOTE", date, title: note.comment, completed: false, action, accountId, note, reminder: null };
    });
  }
}
