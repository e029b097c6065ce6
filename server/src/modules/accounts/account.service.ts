import type { DataSource, SelectQueryBuilder } from "typeorm";
import { dialectOf, type Dialect } from "../../db/data-source";
import { comparableDate, dateSortKey } from "../../db/sql-values";
import { decodeCursor, encodeCursor, pageSize } from "../../graphql/connection";
import { NotFoundError, UserInputError } from "../../graphql/errors";
import type { Viewer } from "../auth/viewer";
import { AccountEntity } from "./account.entity";
import { AccountOrderField, OrderDirection, type AccountFilter, type AccountOrder } from "./account.inputs";
import { applyFilter, applyVisibility, assertFilterAllowed, validateFilter } from "./account.scope";

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
    const base = this.scoped(viewer, args.filter);
    let after: KeysetPosition | null = null;
    if (args.after) {
      const [value, id] = decodeCursor(args.after);
      if (typeof id !== "number" || value === null || value === undefined) {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      after = { sortValue: value, id };
    }
    const { rows, hasMore } = await this.seek(base.clone(), order, after, size);
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
      totalCount: () => (count ??= base.getCount()),
    };
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
    const base = this.scoped(viewer, filter);
    let after: KeysetPosition | null = null;
    for (;;) {
      const { rows, hasMore } = await this.seek(base.clone(), order, after, batchSize);
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

  /** `size` rows of `page` after the keyset position, in `order` (one extra row tells whether more follow). */
  private async seek(
    page: SelectQueryBuilder<AccountEntity>,
    order: AccountOrder,
    after: KeysetPosition | null,
    size: number,
  ): Promise<{ rows: Array<{ node: AccountEntity; sortValue: string }>; hasMore: boolean }> {
    const column = `a.${order.field}`;
    const cmp = order.direction === OrderDirection.DESC ? "<" : ">";
    const isDate = DATE_FIELDS.has(order.field);
    if (after) {
      const compared = isDate ? comparableDate(this.dialect, column) : column;
      page.andWhere(`(${compared} ${cmp} :sortValue OR (${compared} = :sortValue AND a.id ${cmp} :sortId))`, { sortValue: after.sortValue, sortId: after.id });
    }
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

  private scoped(viewer: Viewer, filter: AccountFilter | null | undefined): SelectQueryBuilder<AccountEntity> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a");
    applyVisibility(qb, viewer);
    applyFilter(qb, filter, this.dataSource);
    return qb;
  }
}
