import { In } from "typeorm";
import { testDialects, openTestDatabase, type TestDatabase } from "../../../test/databases";
import { buildFollowUpData, buildProspect, buildUser, firstStatus } from "../../../test/factories";
import { QueryCounter } from "../../../test/query-counter";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import { toGlobalId } from "../../graphql/global-id";
import { Viewer } from "../auth/viewer";
import type { UserEntity } from "../auth/user.entity";
import { CatalogService } from "../catalogs/catalog.service";
import type { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { AccountPipelineService } from "./account-pipeline.service";
import { AccountWriteService } from "./account-write.service";
import { accountWriteGeneration } from "./account-write-generation";
import { AccountEntity, AccountTypeCode } from "./account.entity";
import { AccountService } from "./account.service";
import { BoardService } from "./board.service";
import { insertProspects } from "./prospect-insert";
import { MemoryEventBus } from "../../realtime/event-bus";

const viewerOf = (user: UserEntity, permissions: string[]) => new Viewer(user.id, user.email, user.name, permissions);
const isTotals = (sql: string) => /GROUP BY/i.test(sql) && /SUM\(/i.test(sql);

/*
 * The board's totals are shared between identical concurrent reads (BoardService.totals), and a
 * write committed in this process moves the write generation so that no later reader shares a
 * read started before it. Both calls of each pair below start in the same tick, so the second
 * always finds the first in flight: no timing is involved.
 */
describe.each(testDialects())("board totals single-flight on %s", (dialect) => {
  const counter = new QueryCounter();
  let db: TestDatabase;
  let board: BoardService;
  let pipeline: AccountPipelineService;
  let writes: AccountWriteService;
  let statuses: FollowUpStatusEntity[];
  let sdrUser: UserEntity;
  let sdrUser2: UserEntity;
  let manager: Viewer;
  let otherManager: Viewer;
  let sdr: Viewer;
  const accounts: AccountEntity[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(dialect, { logger: counter });
    const ds = db.dataSource;
    await seedCatalogs(ds);
    const catalogs = new CatalogService(ds);
    board = new BoardService(ds, catalogs, new AccountService(ds));
    pipeline = new AccountPipelineService(ds, catalogs, new MemoryEventBus());
    writes = new AccountWriteService(ds, catalogs, new MemoryEventBus());
    statuses = [await firstStatus(ds, 0), await firstStatus(ds, 2)];
    sdrUser = await buildUser(ds, ["crm", "sdr"]);
    sdrUser2 = await buildUser(ds, ["crm", "sdr"]);
    const managerUser = await buildUser(ds, ["crm", "crm-manager"]);
    const managerUser2 = await buildUser(ds, ["crm", "crm-manager"]);
    manager = viewerOf(managerUser, ["crm", "crm-manager", "crm-edit-salesman-prospect"]);
    otherManager = viewerOf(managerUser2, ["crm", "crm-manager"]);
    sdr = viewerOf(sdrUser, ["crm", "sdr"]);
    for (const value of [100, 200, 300]) {
      const account = await buildProspect(ds, sdrUser, { followUpId: statuses[0]!.id });
      await buildFollowUpData(ds, account, { accountValue: value });
      accounts.push(account);
    }
    await buildProspect(ds, managerUser, { followUpId: statuses[1]!.id });
  });

  afterAll(async () => {
    await db?.close();
  });

  const column = (totals: Map<number, { totalCount: number; accountValueSum: number }>, index: number) => totals.get(statuses[index]!.id) ?? { totalCount: 0, accountValueSum: 0 };
  const version = async (id: number) => (await db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id })).version;

  it("sends one totals statement for concurrent reads with the same visibility and filter", async () => {
    const { result, statements } = await counter.count(() => Promise.all([board.totals(manager, null), board.totals(otherManager, {}), board.totals(manager, undefined)]));
    expect(statements.filter(isTotals)).toHaveLength(1);
    expect(result[1]).toBe(result[0]);
    expect(result[2]).toBe(result[0]);
    expect(column(result[0], 0)).toEqual({ totalCount: 3, accountValueSum: 600 });
    expect(column(result[0], 1)).toEqual({ totalCount: 1, accountValueSum: 0 });
  });

  it("reads separately for another visibility or another filter", async () => {
    const { result, statements } = await counter.count(() =>
      Promise.all([board.totals(manager, null), board.totals(sdr, null), board.totals(manager, { statusIds: [statuses[1]!.id] })]),
    );
    expect(statements.filter(isTotals)).toHaveLength(3);
    expect(column(result[0], 1).totalCount).toBe(1);
    expect(column(result[1], 1).totalCount).toBe(0); // the SDR does not see the manager's account
    expect(column(result[2], 0).totalCount).toBe(0);
  });

  it("starts a new read once the previous one has settled (nothing is cached)", async () => {
    const { statements } = await counter.count(async () => {
      await board.totals(manager, null);
      await board.totals(manager, null);
    });
    expect(statements.filter(isTotals)).toHaveLength(2);
  });

  it("moves the write generation when an account write commits, not before, and not for a rollback", async () => {
    const ds = db.dataSource;
    const start = accountWriteGeneration(ds);
    await ds.transaction(async (m) => {
      await m.getRepository(AccountEntity).update({ id: accounts[0]!.id }, { salesmanId: sdrUser.id });
      expect(accountWriteGeneration(ds)).toBe(start); // not committed yet
    });
    expect(accountWriteGeneration(ds)).toBe(start + 1);
    await expect(
      ds.transaction(async (m) => {
        await m.getRepository(FollowUpDataEntity).update({ prospectId: accounts[0]!.id }, { accountValue: 999 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(accountWriteGeneration(ds)).toBe(start + 1);
  });

  it.each([
    ["moveAccount", () => pipeline.move(manager, { accountId: toGlobalId("Account", accounts[1]!.id), followUpStatusId: statuses[1]!.id })],
    [
      "updateAccount (account value)",
      async () => writes.update(manager, { accountId: toGlobalId("Account", accounts[2]!.id), version: await version(accounts[2]!.id), followUpData: { accountValue: 350 }, allowDuplicate: false }),
    ],
    ["assignSalesman", () => pipeline.assignSalesman(manager, { accountId: toGlobalId("Account", accounts[2]!.id), salesmanId: toGlobalId("User", sdrUser2.id) })],
    ["removeAccount", () => writes.remove(manager, { accountId: toGlobalId("Account", accounts[0]!.id) })],
    ["restoreAccount", () => writes.restore(manager, { accountId: toGlobalId("Account", accounts[0]!.id) })],
    [
      "an import's plain INSERTs (insertProspects)",
      () =>
        db.dataSource.transaction(async (m) => {
          const catalogs = await new CatalogService(db.dataSource).all();
          await insertProspects(m, [
            {
              name: "Importada",
              companyName: "Importadora SA",
              email: "importada@example.com",
              phoneCode: null,
              phone: null,
              localeId: catalogs.locales[0]!.id,
              monthlyShipmentId: null,
              channel: null,
              followUpStatusId: statuses[0]!.id,
              type: AccountTypeCode.prospect,
              createdBy: sdrUser.id,
              salesmanId: sdrUser.id,
              creationNote: "Importada",
            },
          ]);
        }),
    ],
  ])("%s moves the write generation", async (_name, write) => {
    const before = accountWriteGeneration(db.dataSource);
    await write();
    expect(accountWriteGeneration(db.dataSource)).toBeGreaterThan(before);
  });

  it("never gives a reader who arrives after a committed move a read started before it", async () => {
    const moved = accounts[2]!;
    const from = (await db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: moved.id })).followUpId;
    const to = from === statuses[0]!.id ? 1 : 0;
    const beforeMove = board.totals(manager, null);
    await pipeline.move(manager, { accountId: toGlobalId("Account", moved.id), followUpStatusId: statuses[to]!.id });
    const afterMove = board.totals(manager, null);
    expect(afterMove).not.toBe(beforeMove);
    await beforeMove;
    const inColumn = await db.dataSource.getRepository(AccountEntity).countBy({ followUpId: statuses[to]!.id, status: In([1, 2]) });
    expect(column(await afterMove, to).totalCount).toBe(inColumn);
  });
});
