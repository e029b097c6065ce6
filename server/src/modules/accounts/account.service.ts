import type { DataSource, SelectQueryBuilder } from "typeorm";
import { dialectOf, type Dialect } from "../../db/data-source";
import { comparableDate, dateSortKey } from "../../db/sql-values";
import { decodeCursor, encodeCursor, pageSize } from "../../graphql/connection";
import { NotFoundError, UserInputError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import { AccountEntity } from "./account.entity";
import { AccountOrderField, OrderDirection, type AccountFilter, type AccountOrder } from "./account.inputs";
import { applyFilter, applyVisibility, assertFilterAllowed, searchConditions, validateFilter } from "./account.scope";

export interface AccountPageArgs {
  filter?: AccountFilter | null;
  orderBy?: AccountOrder | null;
  first?: number | null;
  after?: string | null;
}

/** A page of accounts; totalCount runs its COUNT only when the client asks for it. */
export interface AccountPage {
  edges: Array<{ cursor: string; node: AccountEntity }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

const DATE_FIELDS = new Set([AccountOrderField.CREATED_AT, AccountOrderField.UPDATED_AT]);

/** Where a keyset page starts: after the row with this sort value and id. */
interface KeysetPosition {
  sortValue: unknown;
  id: number;
}

function orderOrDefault(orderBy: AccountOrder | null | undefined): AccountOrder {
  return orderBy ?? { field: AccountOrderField.CREATED_AT, direction: OrderDirection.DESC };
}

/** Reads of the pipeline, always inside the viewer's visibility scope. */
export class AccountService {
  private readonly dialect: Dialect;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
  }

  /** The accounts connection: filtered, scoped and keyset-paginated. */
  async list(viewer: Viewer, args: AccountPageArgs): Promise<AccountPage> {
    const size = pageSize(args.first);
    validateFilter(args.filter);
    assertFilterAllowed(args.filter, viewer);
    const order = orderOrDefault(args.orderBy);
    let after: KeysetPosition | null = null;
    if (args.after) {
      const [value, id] = decodeCursor(args.after);
      if (typeof id !== "number" || value === null || value === undefined) {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      after = { sortValue: value, id };
    }
    const { rows, hasMore } = await this.seek(viewer, args.filter, order, after, size);
    const edges = rows.map(({ node, sortValue }) => ({ cursor: encodeCursor([sortValue, node.id]), node }));
    let count: Promise<number> | undefined;
    return {
      edges,
      pageInfo: {
        hasNextPage: hasMore,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: () => (count ??= this.count(viewer, args.filter)),
    };
  }

  /**
   * How many accounts the connection holds. With a search, the ids of the per-column branches
   * are counted once each (their union): each branch reads its (column, status, created_at)
   * index, where one OR of the columns read every matching row of the table (index_merge).
   */
  private async count(viewer: Viewer, filter: AccountFilter | null | undefined): Promise<number> {
    const search = searchConditions(filter?.search);
    if (!search) {
      return this.scoped(viewer, filter).getCount();
    }
    const narrowed = { ...filter, search: null };
    const counted = this.dataSource.createQueryBuilder();
    const branches = search.conditions("s").map((_, i) => {
      const alias = `s${i}`;
      const branch = this.scoped(viewer, narrowed, alias).select(`${alias}.id`, "id").andWhere(search.conditions(alias)[i]!, search.params);
      counted.setParameters(branch.getParameters());
      return branch.getQuery();
    });
    const row = await counted.select("COUNT(*)", "n").from(`(${branches.join(" UNION ")})`, "m").getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /**
   * Every account of the `accounts` connection for these arguments (same filter checks,
   * visibility, search and order), `batchSize` at a time by keyset (never OFFSET, never all
   * rows in memory): one SELECT per batch. For the CSV export.
   */
  async *batches(viewer: Viewer, filter: AccountFilter | null | undefined, orderBy: AccountOrder | null | undefined, batchSize: number): AsyncGenerator<AccountEntity[]> {
    validateFilter(filter);
    assertFilterAllowed(filter, viewer);
    const order = orderOrDefault(orderBy);
    let after: KeysetPosition | null = null;
    for (;;) {
      const { rows, hasMore } = await this.seek(viewer, filter, order, after, batchSize);
      if (rows.length > 0) {
        yield rows.map((row) => row.node);
      }
      const last = rows.at(-1);
      if (!hasMore || !last) {
        return;
      }
      after = { sortValue: last.sortValue, id: last.node.id };
    }
  }

  /**
   * `size` rows after the keyset position, in `order` (one extra row tells whether more follow).
   *
   * A search is not one `name LIKE … OR email LIKE … OR …` condition: MariaDB answers that
   * with an index_merge of every matching row and a filesort of them all (1.8 s for "Ana" over
   * 1M accounts). Each column's prefix condition runs as its own branch instead, ordered and
   * limited like the page, so the optimizer picks per branch between a range scan of that
   * column's index (a rare prefix) and walking the order's index until the page is full (a
   * common one); the page is the first rows of the branches' union. The union of each
   * branch's first `size + 1` rows holds the first `size + 1` rows of the OR. The search
   * indexes (column, status, created_at) cover a branch in the default order, so a branch
   * reads index entries only, and just the page's rows are then read from the table: with a
   * buffer pool smaller than the table, each row read is a disk read.
   */
  private async seek(
    viewer: Viewer,
    filter: AccountFilter | null | undefined,
    order: AccountOrder,
    after: KeysetPosition | null,
    size: number,
  ): Promise<{ rows: Array<{ node: AccountEntity; sortValue: string }>; hasMore: boolean }> {
    const search = searchConditions(filter?.search);
    const narrowed = search ? { ...filter, search: null } : filter;
    const page = this.scoped(viewer, narrowed);
    this.afterPosition(page, "a", order, after);
    if (search) {
      const branches = search.conditions("s").map((_, i) => {
        const alias = `s${i}`;
        const branch = this.scoped(viewer, narrowed, alias)
          .select(`${alias}.id`, "id")
          .addSelect(`${alias}.${order.field}`, "sort_value")
          .andWhere(search.conditions(alias)[i]!, search.params);
        this.afterPosition(branch, alias, order, after);
        branch.orderBy(`${alias}.${order.field}`, order.direction).addOrderBy(`${alias}.id`, order.direction).limit(size + 1);
        page.setParameters(branch.getParameters());
        return `SELECT b${i}.id, b${i}.sort_value FROM (${branch.getQuery()}) b${i}`;
      });
      // Only the page's own rows are then read by primary key (a cold row is a disk read).
      const first = `SELECT m.id FROM (${branches.join(" UNION ")}) m ORDER BY m.sort_value ${order.direction}, m.id ${order.direction} LIMIT ${size + 1}`;
      page.andWhere(`a.id IN (SELECT t.id FROM (${first}) t)`);
    }
    const column = `a.${order.field}`;
    const isDate = DATE_FIELDS.has(order.field);
    // Dates go into cursors as exact SQL text (microseconds on MySQL); text columns as themselves.
    if (isDate) {
      page.addSelect(dateSortKey(this.dialect, column), "sort_key");
    }
    const { entities, raw } = await page
      .orderBy(column, order.direction)
      .addOrderBy("a.id", order.direction)
      .limit(size + 1)
      .getRawAndEntities<{ sort_key?: string }>();
    const rows = entities.slice(0, size).map((node, i) => ({
      node,
      sortValue: isDate ? String(raw[i]!.sort_key) : order.field === AccountOrderField.NAME ? node.name : node.companyName,
    }));
    return { rows, hasMore: entities.length > size };
  }

  /** Keeps the rows of `alias` that come after the keyset position in `order`. */
  private afterPosition(qb: SelectQueryBuilder<AccountEntity>, alias: string, order: AccountOrder, after: KeysetPosition | null): void {
    if (!after) {
      return;
    }
    const column = `${alias}.${order.field}`;
    const cmp = order.direction === OrderDirection.DESC ? "<" : ">";
    const compared = DATE_FIELDS.has(order.field) ? comparableDate(this.dialect, column) : column;
    qb.andWhere(`(${compared} ${cmp} :sortValue OR (${compared} = :sortValue AND ${alias}.id ${cmp} :sortId))`, { sortValue: after.sortValue, sortId: after.id });
  }

  /** One account in the viewer's scope (removed ones included); NOT_FOUND otherwise. */
  async get(viewer: Viewer, id: number): Promise<AccountEntity> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a").where("a.id = :id", { id });
    applyVisibility(qb, viewer);
    const account = await qb.getOne();
    if (!account) {
      throw new NotFoundError("Account", id);
    }
    return account;
  }

  private scoped(viewer: Viewer, filter: AccountFilter | null | undefined, alias = "a"): SelectQueryBuilder<AccountEntity> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder(alias);
    applyVisibility(qb, viewer, alias);
    applyFilter(qb, filter, this.dataSource, alias);
    return qb;
  }
}
