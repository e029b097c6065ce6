import { In, type DataSource, type SelectQueryBuilder } from "typeorm";
import { dialectOf } from "../../db/data-source";
import { dateSortKey } from "../../db/sql-values";
import { encodeCursor, pageSize } from "../../graphql/connection";
import { UserInputError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import type { FollowUpStatus, FollowUpStatusGroup } from "../catalogs/catalog.types";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { AccountEntity } from "./account.entity";
import { AccountOrderField, OrderDirection, type AccountFilter } from "./account.inputs";
import { applyFilter, applyVisibility, assertFilterAllowed, validateFilter } from "./account.scope";
import type { AccountPage, AccountService } from "./account.service";
import { accountWriteGeneration } from "./account-write-generation";
import { SingleFlight } from "./single-flight";

/** A column as the service returns it; `cards` is an AccountPage (the accounts connection's shape). */
export interface BoardColumnResult {
  status: FollowUpStatus;
  totalCount: number;
  accountValueSum: number;
  cards: AccountPage;
}

export interface BoardResult {
  groups: Array<{ group: FollowUpStatusGroup; totalCount: number; accountValueSum: number; columns: BoardColumnResult[] }>;
  columns: BoardColumnResult[];
  totalCount: number;
  accountValueSum: number;
}

/** A card of a column's first N: the account, its column and its cursor's sort key. */
interface CardRow {
  id: number | string;
  status_id: number | string;
  sort_key: string;
}

export type Totals = Map<number, { totalCount: number; accountValueSum: number }>;

/** The filter as a key: keys sorted, empty values left out (same conditions, same key). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** What decides the totals' SQL: the viewer's visibility (applyVisibility) and the filter. */
export function totalsKey(viewer: Viewer, filter: AccountFilter | null | undefined): string {
  const visibility = viewer.scope === "all" ? "all" : `${viewer.scope}:${viewer.id}`;
  return `${visibility} ${JSON.stringify(canonical(filter ?? {}))}`;
}

interface TotalsRow {
  status_id: number | string;
  total: number | string;
  value_sum: number | string | null;
}

const MAX_CARDS = 50;

/** Sums of DECIMAL(14,2) values: SQLite adds them as floats, so round back to centavos. */
function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Cards order: most recently updated first, the same order and cursor as accounts(orderBy: UPDATED_AT DESC). */
const CARD_ORDER = { field: AccountOrderField.UPDATED_AT, direction: OrderDirection.DESC };

function page(cards: Array<{ node: AccountEntity; sortKey: string }>, hasNextPage: boolean, totalCount: number): AccountPage {
  const edges = cards.map(({ node, sortKey }) => ({ cursor: encodeCursor([sortKey, node.id]), node }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => Promise.resolve(totalCount),
  };
}

/**
 * The Kanban. Three statements whatever the number of columns: the first N+1 card ids of
 * every column (one ordered, limited read per status, through the (follow_up_id, updated_at)
 * index, so at 100k accounts it reads ~N rows per column instead of ranking every account),
 * the columns' totals (COUNT and SUM grouped by status), and the cards themselves.
 */
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly accounts: AccountService,
  ) {}

  /**
   * Board totals being read, by totalsKey: at 100k accounts one read takes ~0.3-0.5 s on
   * MariaDB, so identical boards asked for meanwhile (same visibility and filter, no write
   * committed by this process since the read started) share it instead of queueing more.
   */
  private readonly totalsInFlight = new SingleFlight<Totals>();

  async board(viewer: Viewer, filter: AccountFilter | null | undefined, first: number | null | undefined): Promise<BoardResult> {
    const size = pageSize(first ?? 20, "first", MAX_CARDS);
    validateFilter(filter);
    assertFilterAllowed(filter, viewer);
    const catalogs = await this.catalogs.all();
    const wanted = filter?.statusIds?.length ? new Set(filter.statusIds) : null;
    const statuses = catalogs.followUpStatuses.filter((s) => !wanted || wanted.has(s.id));
    // The cards (two short reads) and the totals (every visible account) side by side: the
    // board waits for the longer of the two, not their sum.
    const cardsRead = this.firstCards(viewer, filter, statuses, size + 1).then(async (rows) => {
      const ids = rows.map((r) => Number(r.id));
      return { rows, entities: ids.length === 0 ? [] : await this.dataSource.getRepository(AccountEntity).findBy({ id: In(ids) }) };
    });
    const [{ rows: cardRows, entities }, totals] = await Promise.all([cardsRead, this.totals(viewer, filter)]);
    const byId = new Map(entities.map((e) => [e.id, e] as const));
    const columns = statuses.map((status) => {
      const own = totals.get(status.id);
      const totalCount = own?.totalCount ?? 0;
      const cards = cardRows
        .filter((r) => Number(r.status_id) === status.id && byId.has(Number(r.id)))
        .slice(0, size)
        .map((r) => ({ node: byId.get(Number(r.id))!, sortKey: String(r.sort_key) }));
      return { status, totalCount, accountValueSum: own?.accountValueSum ?? 0, cards: page(cards, totalCount > size, totalCount) };
    });
    const sum = (list: BoardColumnResult[], key: "totalCount" | "accountValueSum") => money(list.reduce((acc, c) => acc + c[key], 0));
    const groups = catalogs.statusGroups
      .map((group) => {
        const own = columns.filter((c) => c.status.group?.id === group.id);
        return { group, totalCount: sum(own, "totalCount"), accountValueSum: sum(own, "accountValueSum"), columns: own };
      })
      .filter((g) => g.columns.length > 0);
    return { groups, columns, totalCount: sum(columns, "totalCount"), accountValueSum: sum(columns, "accountValueSum") };
  }

  /** One column's cards after a cursor (the accounts connection narrowed to the status), with its totals. */
  async column(viewer: Viewer, statusId: number, filter: AccountFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<BoardColumnResult> {
    const status = await this.catalogs.status(statusId);
    if (!status) {
      throw new UserInputError({ statusId: `${statusId} is not a follow-up status` });
    }
    if (filter?.statusIds?.length && !filter.statusIds.includes(statusId)) {
      throw new UserInputError({ statusId: "is excluded by filter.statusIds" });
    }
    const narrowed = { ...filter, statusIds: [statusId] };
    const cards = await this.accounts.list(viewer, { filter: narrowed, orderBy: CARD_ORDER, first: first ?? 20, after });
    const totals = this.scoped(viewer, narrowed)
      .select("COUNT(*)", "total")
      .addSelect("COALESCE(SUM(fud.account_value), 0)", "value_sum");
    const [row] = await this.withValueIndex<{ total: number | string; value_sum: number | string }>(totals);
    const totalCount = Number(row?.total ?? 0);
    return { status, totalCount, accountValueSum: money(Number(row?.value_sum ?? 0)), cards: { ...cards, totalCount: () => Promise.resolve(totalCount) } };
  }

  /** The visible, filtered accounts (`a`), joined to their follow-up data (`fud`) for the value sums unless `withValues` is false. */
  private scoped(viewer: Viewer, filter: AccountFilter | null | undefined, withValues = true): SelectQueryBuilder<AccountEntity> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a");
    if (withValues) {
      qb.leftJoin(FollowUpDataEntity, "fud", "fud.prospect_id = a.id");
    }
    applyVisibility(qb, viewer);
    applyFilter(qb, filter, this.dataSource);
    return qb;
  }

  /**
   * Runs a totals statement of scoped(…, withValues) with the value sums read from
   * idx_follow_up_data_prospect_value (prospect_id, account_value). MariaDB otherwise joins
   * through the unique key on prospect_id (eq_ref wins its cost model) and then reads each
   * follow_up_data row for account_value: at 100k accounts 391,724 pages accessed instead of
   * 196,028, ~250 ms instead of ~120 ms (ANALYZE, r_engine_stats). SQLite runs it as built.
   */
  private async withValueIndex<T>(qb: SelectQueryBuilder<AccountEntity>): Promise<T[]> {
    const [sql, params] = qb.getQueryAndParameters();
    if (dialectOf(this.dataSource) !== "mysql") {
      return this.dataSource.query(sql, params);
    }
    const join = "LEFT JOIN `follow_up_data` `fud` ON";
    if (!sql.includes(join)) {
      throw new Error(`board totals: expected "${join}" in ${sql}`);
    }
    return this.dataSource.query(sql.replace(join, "LEFT JOIN `follow_up_data` `fud` FORCE INDEX (`idx_follow_up_data_prospect_value`) ON"), params);
  }

  /**
   * The first `limit` visible cards of each status, newest-updated first, in one statement: a
   * UNION ALL of one `WHERE follow_up_id = ? ORDER BY updated_at DESC, id DESC LIMIT n` read
   * per column, each walking idx_prospection_users_follow_up_updated backwards and stopping
   * after n rows (SQLite and MariaDB both need the derived tables to keep each part's LIMIT).
   */
  private async firstCards(viewer: Viewer, filter: AccountFilter | null | undefined, statuses: readonly FollowUpStatus[], limit: number): Promise<CardRow[]> {
    if (statuses.length === 0) {
      return [];
    }
    const sortKey = dateSortKey(dialectOf(this.dataSource), "a.updated_at");
    const parts = statuses.map((status) =>
      this.scoped(viewer, filter, false)
        .select("a.id", "id")
        .addSelect("a.follow_up_id", "status_id")
        .addSelect(sortKey, "sort_key")
        .andWhere("a.follow_up_id = :columnStatusId", { columnStatusId: status.id })
        .orderBy("a.updated_at", "DESC")
        .addOrderBy("a.id", "DESC")
        .limit(limit)
        .getQueryAndParameters(),
    );
    const union = parts.map(([part], i) => `SELECT * FROM (${part}) c${i}`).join(" UNION ALL ");
    const sql = `${union} ORDER BY status_id, sort_key DESC, id DESC`;
    return this.dataSource.query(sql, parts.flatMap(([, params]) => params));
  }

  /**
   * Count and value sum of the visible accounts per status for a validated, allowed filter:
   * a read of the same key started at the current write generation is shared (totalsInFlight).
   */
  totals(viewer: Viewer, filter: AccountFilter | null | undefined): Promise<Totals> {
    return this.totalsInFlight.run(totalsKey(viewer, filter), accountWriteGeneration(this.dataSource), () => this.readTotals(viewer, filter));
  }

  /** Count and value sum of the visible, filtered accounts per status, in one grouped statement. */
  private async readTotals(viewer: Viewer, filter: AccountFilter | null | undefined): Promise<Totals> {
    const rows = await this.withValueIndex<TotalsRow>(
      this.scoped(viewer, filter)
        .select("a.follow_up_id", "status_id")
        .addSelect("COUNT(*)", "total")
        .addSelect("COALESCE(SUM(fud.account_value), 0)", "value_sum")
        .groupBy("a.follow_up_id"),
    );
    return new Map(rows.map((r) => [Number(r.status_id), { totalCount: Number(r.total), accountValueSum: money(Number(r.value_sum ?? 0)) }] as const));
  }
}
