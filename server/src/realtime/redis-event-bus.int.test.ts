import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { buildProspect, buildUser, firstStatus } from "../../test/factories";
import { OwnRedis, until } from "../../test/job-fixtures";
import { ownRedisAvailable } from "../../test/services";
import { subscribeLive, type SubscriptionResult, type TestSubscription } from "../../test/subscriptions";
import { toGlobalId } from "../graphql/global-id";
import { accountWriteGeneration } from "../modules/accounts/account-write-generation";
import type { UserEntity } from "../modules/auth/user.entity";
import { accountEvent } from "./account-event";
import { accountEventsChannel } from "./redis-event-bus";

// The suite starts its own redis-server (it stops it mid-test): gated on its binary.
const redisAvailable = ownRedisAvailable();
if (!redisAvailable) {
  process.stderr.write("\n#### No redis-server binary: the Redis account-event bus suite is SKIPPED (see the setup banner) ####\n");
}

interface Change {
  kind: string;
  accountId: string;
  account: { id: string; followUpStatus: { id: number } } | null;
}

const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { id } }`;

/*
 * Two app instances in one process on one database, each with its own bus on the suite's own
 * Redis: what two API processes behind a load balancer are. SQLite only: the bus does not touch
 * the database (the in-memory suites run on both dialects).
 */
(redisAvailable ? describe : describe.skip)("account events over Redis pub/sub (two API instances)", () => {
  let redis: OwnRedis;
  let first: TestApi;
  let second: TestApi;
  let managerUser: UserEntity;
  let onFirst: ApiClient;
  let onSecond: ApiClient;
  let statusIds: number[];

  beforeAll(async () => {
    redis = await OwnRedis.create();
    await redis.start();
    first = await startTestApi("sqlite", { REDIS_URL: redis.url });
    second = await startTestApi("sqlite", { REDIS_URL: redis.url }, { database: first.db });
    // Both listen on the channel before anything is published (startTestApi does not wait: a suite may start Redis later).
    await Promise.all([first.crm.bus.ready(), second.crm.bus.ready()]);
    managerUser = await buildUser(first.db.dataSource, ["crm", "crm-manager"]);
    onFirst = await first.as(managerUser);
    onSecond = await second.as(managerUser);
    statusIds = [(await firstStatus(first.db.dataSource, 1)).id, (await firstStatus(first.db.dataSource, 2)).id];
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await redis?.stop();
  });

  const moveOn = (client: ApiClient, accountId: number, statusId: number) => client.gql(MOVE, { input: { accountId: toGlobalId("Account", accountId), followUpStatusId: statusId } });
  const changeOf = (result: SubscriptionResult<{ accountChanged: Change }>) => {
    expect(result.errors).toBeUndefined();
    return result.data!.accountChanged;
  };

  it("should name the channel after the database, so deployments sharing a Redis stay apart", () => {
    expect(accountEventsChannel("mysql://u:p@db:3306/crm_prod")).toBe("crm:account-events:crm_prod");
    expect(accountEventsChannel("sqlite:/tmp/x/crm_test_1.sqlite")).toBe("crm:account-events:crm_test_1.sqlite");
  });

  it("should deliver a move made on one instance to a subscriber of the other, once", async () => {
    const account = await buildProspect(first.db.dataSource, managerUser);
    const sub = await subscribeLive<{ accountChanged: Change }>(second, { cookie: onSecond.sessionCookie });
    try {
      expect((await moveOn(onFirst, account.id, statusIds[1]!)).errors).toBeUndefined();
      expect(changeOf(await sub.next())).toMatchObject({ kind: "MOVED", accountId: toGlobalId("Account", account.id), account: { followUpStatus: { id: statusIds[1] } } });
      // A second write: its event is the next one (the first was not delivered twice).
      expect((await moveOn(onFirst, account.id, statusIds[0]!)).errors).toBeUndefined();
      expect(changeOf(await sub.next())).toMatchObject({ kind: "MOVED", account: { followUpStatus: { id: statusIds[0] } } });
    } finally {
      await sub.close();
    }
  });

  it("should move the board write generation of the instance that did not publish, not of the one that did", async () => {
    const ds = first.db.dataSource;
    const sub = await subscribeLive<{ accountChanged: Change }>(second, { cookie: onSecond.sessionCookie });
    try {
      const before = accountWriteGeneration(ds);
      const account = await buildProspect(ds, managerUser);
      const afterInsert = accountWriteGeneration(ds);
      // Published straight on the first instance's bus (no database write): only the second bumps.
      first.crm.bus.publish([accountEvent("UPDATED", managerUser, account.id, { createdBy: managerUser.id, salesmanId: managerUser.id, type: 1, companyId: null, companyExecutiveId: null })]);
      expect(changeOf(await sub.next())).toMatchObject({ kind: "UPDATED", accountId: toGlobalId("Account", account.id) });
      await until(async () => accountWriteGeneration(ds) > afterInsert);
      expect(accountWriteGeneration(ds) - afterInsert).toBe(1);
      expect(afterInsert).toBeGreaterThan(before);
    } finally {
      await sub.close();
    }
  });

  it("should keep writes working while Redis is down, then close sockets with 1012 (reload what was missed) and deliver again", async () => {
    const account = await buildProspect(first.db.dataSource, managerUser);
    const sub = await subscribeLive<{ accountChanged: Change }>(second, { cookie: onSecond.sessionCookie });
    let again: TestSubscription<{ accountChanged: Change }> | null = null;
    try {
      await redis.stop();
      // Committed and answered: the lost notification does not fail the user's write.
      const whileDown = await moveOn(onFirst, account.id, statusIds[1]!);
      expect(whileDown.errors).toBeUndefined();
      await redis.start();
      // That move's event never arrives: once the bus is back the socket is closed, so the client
      // reconnects and refetches (the web does on every reconnect) instead of showing the old column.
      expect(await sub.closed).toMatchObject({ code: 1012 });
      expect(sub.pending).toBe(0);
      again = await subscribeLive<{ accountChanged: Change }>(second, { cookie: onSecond.sessionCookie });
      const live = again;
      // The publisher reconnects by itself too: write until an event gets through (bounded by count).
      let target = 0;
      await until(
        async () => live.pending > 0,
        async () => {
          target = 1 - target;
          expect((await moveOn(onFirst, account.id, statusIds[target]!)).errors).toBeUndefined();
        },
        200,
      );
      expect(changeOf(await live.next())).toMatchObject({ kind: "MOVED", accountId: toGlobalId("Account", account.id) });
    } finally {
      await sub.close();
      await again?.close();
    }
  });
});
