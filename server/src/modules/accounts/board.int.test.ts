import { In } from "typeorm";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildFollowUpData, buildProspect, buildUser, firstStatus } from "../../../test/factories";
import { codeOf } from "../../../test/write-checks";
import { toGlobalId } from "../../graphql/global-id";
import type { UserEntity } from "../auth/user.entity";
import type { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";
import { AccountEntity } from "./account.entity";

const BOARD = `query Board($filter: AccountFilter, $first: Int) {
  board(filter: $filter, first: $first) {
    totalCount accountValueSum
    groups { group { id name } totalCount columns { status { id } } }
    columns {
      status { id name group { id } } totalCount accountValueSum
      cards { totalCount pageInfo { hasNextPage endCursor } edges { node { legacyId name salesman { name } followUpData { accountValue } } } }
    }
  }
}`;
const COLUMN = `query($statusId: Int!, $first: Int, $after: String) {
  boardColumn(statusId: $statusId, first: $first, after: $after) { totalCount accountValueSum cards { pageInfo { hasNextPage endCursor } edges { node { legacyId } } } }
}`;

interface Column {
  status: { id: number };
  totalCount: number;
  accountValueSum: number;
  cards: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { legacyId: number } }> };
}
interface BoardData {
  board: { totalCount: number; accountValueSum: number; groups: Array<{ totalCount: number; columns: Array<{ status: { id: number } }> }>; columns: Column[] };
}

describe.each(testDialects())("Query.board on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "manager", UserEntity>;
  let clients: Record<string, ApiClient>;
  let statuses: FollowUpStatusEntity[];
  /** Accounts per status index, newest-updated first. */
  const byStatus: AccountEntity[][] = [[], [], []];

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = { sdr: await buildUser(ds, ["crm", "sdr"]), sdr2: await buildUser(ds, ["crm", "sdr"]), manager: await buildUser(ds, ["crm", "crm-manager"]) };
    statuses = [await firstStatus(ds, 0), await firstStatus(ds, 2), await firstStatus(ds, 4)];
    // Column 0: 5 of the SDR's accounts (values 100..500); column 1: 2 of sdr2's; column 2: 1 of the SDR's without follow-up data.
    const plan: Array<[number, UserEntity, number | null]> = [
      [0, users.sdr, 100], [0, users.sdr, 200], [0, users.sdr, 300], [0, users.sdr, 400], [0, users.sdr, 500],
      [1, users.sdr2, 1000], [1, users.sdr2, 2000],
      [2, users.sdr, null],
    ];
    let minute = 0;
    for (const [index, owner, value] of plan) {
      minute += 1;
      const account = await buildProspect(ds, owner, { followUpId: statuses[index]!.id });
      await ds.getRepository(AccountEntity).update({ id: account.id }, { updatedAt: new Date(Date.UTC(2030, 0, 1, 0, minute)) });
      if (value !== null) {
        await buildFollowUpData(ds, account, { accountValue: value });
      }
      byStatus[index]!.unshift(account);
    }
    await buildProspect(ds, users.sdr, { followUpId: statuses[0]!.id, status: 0 });
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const column = (data: BoardData | null | undefined, index: number) => data!.board.columns.find((c) => c.status.id === statuses[index]!.id)!;

  it("should give every catalog column, grouped, with counts, value sums and the newest-updated cards first", async () => {
    const res = await clients.manager!.gql<BoardData>(BOARD, { first: 3 });
    expect(res.errors).toBeUndefined();
    const catalogs = await api.services.catalogs.all();
    expect(res.data!.board.columns.map((c) => c.status.id)).toEqual(catalogs.followUpStatuses.map((s) => s.id));
    expect(res.data!.board.groups.flatMap((g) => g.columns.map((c) => c.status.id))).toEqual(catalogs.followUpStatuses.map((s) => s.id));
    expect(res.data!.board).toMatchObject({ totalCount: 8, accountValueSum: 4500 });
    const first = column(res.data, 0);
    expect(first).toMatchObject({ totalCount: 5, accountValueSum: 1500, cards: { totalCount: 5, pageInfo: { hasNextPage: true } } });
    expect(first.cards.edges.map((e) => e.node.legacyId)).toEqual(byStatus[0]!.slice(0, 3).map((a) => a.id));
    expect(column(res.data, 1)).toMatchObject({ totalCount: 2, accountValueSum: 3000, cards: { pageInfo: { hasNextPage: false } } });
    expect(column(res.data, 2)).toMatchObject({ totalCount: 1, accountValueSum: 0 });
  });

  it("should count and show only the accounts in an SDR's scope", async () => {
    const res = await clients.sdr2!.gql<BoardData>(BOARD);
    expect(res.data!.board.totalCount).toBe(2);
    expect(column(res.data, 0).totalCount).toBe(0);
    expect(column(res.data, 1).cards.edges.map((e) => e.node.legacyId).sort()).toEqual(byStatus[1]!.map((a) => a.id).sort());
  });

  it("should honour the accounts filters (statusIds narrows the columns) and refuse all-prospects filters without it", async () => {
    const res = await clients.manager!.gql<BoardData>(BOARD, { filter: { statusIds: [statuses[1]!.id] } });
    expect(res.data!.board.columns.map((c) => c.status.id)).toEqual([statuses[1]!.id]);
    const forbidden = await clients.sdr!.gql(BOARD, { filter: { salesmanIds: [toGlobalId("User", users.sdr2.id)] } });
    expect(codeOf(forbidden)).toBe("FORBIDDEN");
  });

  it("should page one column with boardColumn after the board's end cursor, without gaps or repeats", async () => {
    const board = await clients.manager!.gql<BoardData>(BOARD, { first: 2 });
    const start = column(board.data, 0);
    const next = await clients.manager!.gql<{ boardColumn: Column }>(COLUMN, { statusId: statuses[0]!.id, first: 2, after: start.cards.pageInfo.endCursor });
    const last = await clients.manager!.gql<{ boardColumn: Column }>(COLUMN, { statusId: statuses[0]!.id, first: 2, after: next.data!.boardColumn.cards.pageInfo.endCursor });
    const seen = [start, next.data!.boardColumn, last.data!.boardColumn].flatMap((c) => c.cards.edges.map((e) => e.node.legacyId));
    expect(seen).toEqual(byStatus[0]!.map((a) => a.id));
    expect(next.data!.boardColumn).toMatchObject({ totalCount: 5, accountValueSum: 1500 });
    expect(last.data!.boardColumn.cards.pageInfo.hasNextPage).toBe(false);
  });

  it("should cost the same few SQL statements whatever the number of columns and cards", async () => {
    const counts: number[] = [];
    for (const variables of [{ first: 1, filter: { statusIds: [statuses[0]!.id] } }, { first: 20 }]) {
      const { result, statements } = await api.counter.count(() => clients.manager!.gql<BoardData>(BOARD, variables));
      expect(result.errors).toBeUndefined();
      counts.push(statements.filter((sql) => !/\bsessions\b/.test(sql)).length);
    }
    expect(counts[0]).toBe(counts[1]);
    // first card ids of every column, totals, the cards, then one batch each for salesmen and follow-up data of the cards.
    expect(counts[1]).toBeLessThanOrEqual(5);
  });

  it("should give each column the first cards of the accounts connection narrowed to its status (equal updated_at: higher id first)", async () => {
    const ds = api.db.dataSource;
    const status = await firstStatus(ds, 1);
    const owner = await buildUser(ds, ["crm", "sdr"]);
    const same = new Date(Date.UTC(2031, 0, 1));
    const accounts: AccountEntity[] = [];
    for (let i = 0; i < 5; i += 1) {
      accounts.push(await buildProspect(ds, owner, { followUpId: status.id }));
    }
    const removed = await buildProspect(ds, owner, { followUpId: status.id, status: 0 });
    await ds.getRepository(AccountEntity).update({ id: In([...accounts, removed].map((a) => a.id)) }, { updatedAt: same });
    // Newer than the tied ones: first in its column.
    await ds.getRepository(AccountEntity).update({ id: accounts[1]!.id }, { updatedAt: new Date(Date.UTC(2031, 0, 2)) });
    const expected = [accounts[1]!.id, accounts[4]!.id, accounts[3]!.id];
    const listed = await clients.manager!.gql<{ accounts: { edges: Array<{ node: { legacyId: number } }> } }>(
      `query($filter: AccountFilter) { accounts(filter: $filter, orderBy: { field: UPDATED_AT, direction: DESC }, first: 3) { edges { node { legacyId } } } }`,
      { filter: { statusIds: [status.id] } },
    );
    expect(listed.data!.accounts.edges.map((e) => e.node.legacyId)).toEqual(expected);
    for (const variables of [{ first: 3 }, { first: 3, filter: { statusIds: [status.id] } }]) {
      const res = await clients.manager!.gql<BoardData>(BOARD, variables);
      expect(res.errors).toBeUndefined();
      const own = res.data!.board.columns.find((c) => c.status.id === status.id)!;
      expect(own).toMatchObject({ totalCount: 5, cards: { totalCount: 5, pageInfo: { hasNextPage: true } } });
      expect(own.cards.edges.map((e) => e.node.legacyId)).toEqual(expected);
    }
  });

  it("should refuse first outside 1..50 with BAD_USER_INPUT", async () => {
    expect(codeOf(await clients.manager!.gql(BOARD, { first: 51 }))).toBe("BAD_USER_INPUT");
  });
});
