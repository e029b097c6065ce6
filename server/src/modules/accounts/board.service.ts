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

interface RankedRow {
  id: number | string;
  status_id: number | string;
  sort_key: string;
  rn: number | string;
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
 * The Kanban. Two statements whatever the number of columns: one ranks the visible,
 * filtered accounts per status with window functions (ROW_NUMBER for the first N cards,
 * COUNT and SUM over the partition for the totals), one loads those cards.
 */
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly accounts: AccountService,
  ) {}

  async board(viewer: Viewer, filter: AccountFilter | null | undefined, first: number | null | undefined): Promise<BoardResult> {
    const size = pageSize(first ?? 20, "first", MAX_CARDS);
    validateFilter(filter);
    assertFilterAllowed(filter, viewer);
    const catalogs = await this.catalogs.all();
    const wanted = filter?.statusIds?.length ? new Set(filter.statusIds) : null;
    const statuses = catalogs.followUpStatuses.filter((s) => !wanted || wanted.has(s.id));
    const ranked = await this.ranked(viewer, filter, size);
    const ids = ranked.filter((r) => Number(r.rn) <= size).map((r) => Number(r.id));
    const entities = ids.length === 0 ? [] : await this.dataSource.getRepository(AccountEntity).findBy({ id: In(ids) });
    const byId = new Map(entities.map((e) => [e.id, e] as const));
    const columns = statuses.map((status) => {
      const rows = ranked.filter((r) => Number(r.status_id) === status.id).sort((x, y) => Number(x.rn) - Number(y.rn));
      const totalCount = rows.length > 0 ? Number(rows[0]!.total) : 0;
      const cards = rows
        .filter((r) => Number(r.rn) <= size && byId.has(Number(r.id)))
        .map((r) => ({ node: byId.get(Number(r.id))!, sortKey: String(r.sort_key) }));
      return {
        status,
        totalCount,
        accountValueSum: rows.length > 0 ? money(Number(rows[0]!.value_sum ?? 0)) : 0,
        cards: page(cards, totalCount > size, totalCount),
      };
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
    const row = await totals.getRawOne<{ total: number | string; value_sum: number | string }>();
    const totalCount = Number(row?.total ?? 0);
    return { status, totalCount, accountValueSum: money(Number(row?.value_sum ?? 0)), cards: { ...cards, totalCount: () => Promise.resolve(totalCount) } };
  }

  private scoped(viewer: Viewer, filter: AccountFilter | null | undefined): SelectQueryBuilder<AccountEntity> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a").leftJoin(FollowUpDataEntity, "fud", "fud.prospect_id = a.id");
    applyVisibility(qb, viewer);
    applyFilter(qb, filter, this.dataSource);
    return qb;
  }

  private async ranked(viewer: Viewer, filter: AccountFilter | null | undefined, size: number): Promise<RankedRow[]> {
    const partition = "PARTITION BY a.follow_up_id";
    const inner = this.scoped(viewer, filter)
      .select("a.id", "id")
      .addSelect("a.follow_up_id", "status_id")
      .addSelect(dateSortKey(dialectOf(this.dataSource), "a.updated_at"), "sort_key")
      .addSelect(`ROW_NUMBER() OVER (${partition} ORDER BY a.updated_at DESC, a.id DESC)`, "rn")
      .addSelect(`COUNT(*) OVER (${partition})`, "total")
      .addSelect(`SUM(COALESCE(fud.account_value, 0)) OVER (${partition})`, "value_sum");
    const [sql, params] = inner.getQueryAndParameters();
    return this.dataSource.query(`SELECT x.* FROM (${sql}) x WHERE x.rn <= ? ORDER BY x.status_id, x.rn`, [...params, size + 1]);
  }
}
