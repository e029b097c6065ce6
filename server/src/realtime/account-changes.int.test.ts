import { resolve } from "node:path";
import { webOperation } from "../../bench/bench-documents";
import { startTestApi, type ApiClient, type TestApi } from "../../test/api";
import { testDialects } from "../../test/databases";
import { buildApiToken, buildCompany, buildProspect, buildUser, firstStatus, mexico } from "../../test/factories";
import { COMMIT, corpusFile, uploadAndValidate } from "../../test/import-harness";
import { ACCOUNT_CHANGED, subscribeLive, TestSubscription, wsClient, type SubscriptionResult } from "../../test/subscriptions";
import { toGlobalId } from "../graphql/global-id";
import { AccountEntity, AccountTypeCode } from "../modules/accounts/account.entity";
import { accountEvent } from "./account-event";
import type { UserEntity } from "../modules/auth/user.entity";

interface Change {
  kind: string;
  accountId: string;
  leftScope: boolean;
  account: { id: string; name: string; followUpStatus: { id: number }; salesman: { id: string } | null } | null;
  fromStatus: { id: number } | null;
  toStatus: { id: number } | null;
  note: { id: string; comment: string } | null;
  actor: { id: string } | null;
}

const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { id version } }`;
const ASSIGN = `mutation($input: AssignSalesmanInput!) { assignSalesman(input: $input) { id } }`;
const ADD_NOTE = `mutation($input: AddNoteInput!) { addNote(input: $input) { id } }`;
const CREATE = `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`;
const LOGOUT = `mutation { logout }`;

/** What the web's CRM page subscribes with (card, list row and side panel fields, the note). */
const WEB_ACCOUNT_CHANGED = webOperation(resolve(__dirname, "../../.."), "AccountChanged");
const gid = (account: Pick<AccountEntity, "id">) => toGlobalId("Account", account.id);
const change = (result: SubscriptionResult<{ accountChanged: Change }>): Change => {
  expect(result.errors).toBeUndefined();
  return result.data!.accountChanged;
};

describe.each(testDialects())("Subscription.accountChanged on %s (in-memory bus)", (dialect) => {
  let api: TestApi;
  let managerUser: UserEntity;
  let manager: ApiClient;
  let statuses: number[];

  beforeAll(async () => {
    api = await startTestApi(dialect, {}, { sessionRecheckMs: 100 });
    managerUser = await buildUser(api.db.dataSource, ["crm", "crm-manager", "crm-edit-salesman-prospect"]);
    manager = await api.as(managerUser);
    statuses = [(await firstStatus(api.db.dataSource, 0)).id, (await firstStatus(api.db.dataSource, 1)).id, (await firstStatus(api.db.dataSource, 2)).id];
  });

  afterAll(async () => {
    await api?.close();
  });

  const signedIn = async (permissions: string[]) => {
    const user = await buildUser(api.db.dataSource, permissions);
    return { user, client: await api.as(user) };
  };
  const move = async (client: ApiClient, account: AccountEntity, statusId: number, version?: number) =>
    client.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: statusId, ...(version === undefined ? {} : { version }) } });

  it("should deliver MOVED to a manager with fromStatus, toStatus, the actor and the account as it is now", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, sdr.user);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: manager.sessionCookie });
    try {
      expect((await move(sdr.client, account, statuses[2]!)).errors).toBeUndefined();
      const event = change(await sub.next());
      expect(event).toMatchObject({ kind: "MOVED", accountId: gid(account), leftScope: false, fromStatus: { id: account.followUpId }, toStatus: { id: statuses[2] } });
      expect(event.account).toMatchObject({ id: gid(account), followUpStatus: { id: statuses[2] } });
      expect(event.actor).toEqual({ id: toGlobalId("User", sdr.user.id) });
    } finally {
      await sub.close();
    }
  });

  it("should never deliver to an SDR a change to an account outside their scope", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const other = await signedIn(["crm", "sdr"]);
    const own = await buildProspect(api.db.dataSource, sdr.user);
    const foreign = [await buildProspect(api.db.dataSource, other.user), await buildProspect(api.db.dataSource, managerUser, { salesmanId: other.user.id })];
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: sdr.client.sessionCookie });
    try {
      // Out of scope: moves, a note, a creation for another salesman; each committed (no errors).
      for (const account of foreign) {
        expect((await move(manager, account, statuses[1]!)).errors).toBeUndefined();
      }
      expect((await other.client.gql(ADD_NOTE, { input: { accountId: gid(foreign[0]!), comment: "ajena" } })).errors).toBeUndefined();
      const locale = await mexico(api.db.dataSource);
      const created = await manager.gql(CREATE, { input: { name: "Ajeno", companyName: "Ajena SA", email: "ajeno@example.com", localeId: locale.id, salesmanId: toGlobalId("User", other.user.id) } });
      expect(created.errors).toBeUndefined();
      // In scope, last: the first event the SDR receives must be this one.
      expect((await move(manager, own, statuses[2]!)).errors).toBeUndefined();
      expect(change(await sub.next())).toMatchObject({ kind: "MOVED", accountId: gid(own) });
      expect(sub.pending).toBe(0);
    } finally {
      await sub.close();
    }
  });

  it("should deliver to an MDR the changes of a client of a company assigned to them, and not of other companies' clients", async () => {
    const mdr = await signedIn(["crm", "mdr"]);
    const mine = await buildCompany(api.db.dataSource, { assignedExecutiveId: mdr.user.id });
    const theirs = await buildCompany(api.db.dataSource, { assignedExecutiveId: managerUser.id });
    const client = await buildProspect(api.db.dataSource, managerUser, { type: AccountTypeCode.client, companyId: mine.id, status: 2 });
    const otherClient = await buildProspect(api.db.dataSource, managerUser, { type: AccountTypeCode.client, companyId: theirs.id, status: 2 });
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: mdr.client.sessionCookie });
    try {
      expect((await move(manager, otherClient, statuses[1]!)).errors).toBeUndefined();
      expect((await move(manager, client, statuses[1]!)).errors).toBeUndefined();
      const event = change(await sub.next());
      expect(event).toMatchObject({ kind: "MOVED", accountId: gid(client), leftScope: false, account: { id: gid(client) } });
    } finally {
      await sub.close();
    }
  });

  it("should tell the old executive the account left their scope (account null) and the new one the account", async () => {
    const before = await signedIn(["crm", "sdr"]);
    const after = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, managerUser, { salesmanId: before.user.id });
    const oldOwner = await subscribeLive<{ accountChanged: Change }>(api, { cookie: before.client.sessionCookie });
    const newOwner = await subscribeLive<{ accountChanged: Change }>(api, { cookie: after.client.sessionCookie });
    try {
      expect((await manager.gql(ASSIGN, { input: { accountId: gid(account), salesmanId: toGlobalId("User", after.user.id) } })).errors).toBeUndefined();
      expect(change(await oldOwner.next())).toMatchObject({ kind: "UPDATED", accountId: gid(account), leftScope: true, account: null });
      const received = change(await newOwner.next());
      expect(received).toMatchObject({ kind: "UPDATED", leftScope: false, account: { id: gid(account), salesman: { id: toGlobalId("User", after.user.id) } } });
      // Out of the old owner's scope from now on: a later move reaches the new owner only.
      expect((await move(manager, account, statuses[2]!)).errors).toBeUndefined();
      expect(change(await newOwner.next())).toMatchObject({ kind: "MOVED" });
      await move(manager, await buildProspect(api.db.dataSource, before.user), statuses[2]!);
      expect(change(await oldOwner.next()).accountId).not.toBe(gid(account));
    } finally {
      await oldOwner.close();
      await newOwner.close();
    }
  });

  it("should deliver NOTE_ADDED with the note", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, sdr.user);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: manager.sessionCookie });
    try {
      const added = await sdr.client.gql<{ addNote: { id: string } }>(ADD_NOTE, { input: { accountId: gid(account), comment: "Llamar el lunes" } });
      expect(added.errors).toBeUndefined();
      expect(change(await sub.next())).toMatchObject({ kind: "NOTE_ADDED", accountId: gid(account), note: { id: added.data!.addNote.id, comment: "Llamar el lunes" }, actor: { id: toGlobalId("User", sdr.user.id) } });
    } finally {
      await sub.close();
    }
  });

  it("should not give an SDR the note of an account reassigned away after the event's scope facts were taken", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const other = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, managerUser, { salesmanId: sdr.user.id });
    const added = await manager.gql<{ addNote: { id: string } }>(ADD_NOTE, { input: { accountId: gid(account), comment: "Privado ahora" } });
    expect(added.errors).toBeUndefined();
    // Reassigned since (no event of its own here): the NOTE_ADDED event below still carries the old facts.
    await api.db.dataSource.getRepository(AccountEntity).update({ id: account.id }, { salesmanId: other.user.id });
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: sdr.client.sessionCookie });
    try {
      const stale = { createdBy: managerUser.id, salesmanId: sdr.user.id, type: account.type, companyId: null, companyExecutiveId: null };
      api.crm.bus.publish([accountEvent("NOTE_ADDED", managerUser, account.id, stale, { noteId: added.data!.addNote.id })]);
      expect(change(await sub.next())).toMatchObject({ kind: "NOTE_ADDED", accountId: gid(account), leftScope: false, account: null, note: null });
    } finally {
      await sub.close();
    }
  });

  it("should deliver UPDATED with the new version when follow-up data is saved (other cards would move with a stale version)", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, sdr.user);
    const query = `subscription { accountChanged { kind accountId account { id version } } }`;
    const sub = await subscribeLive<{ accountChanged: { kind: string; accountId: string; account: { version: number } | null } }>(api, { cookie: manager.sessionCookie }, query);
    try {
      const saved = await sdr.client.gql<{ upsertFollowUpData: { version: number } }>(`mutation($input: UpsertFollowUpDataInput!) { upsertFollowUpData(input: $input) { version } }`, {
        input: { accountId: gid(account), version: account.version, accountValue: 1234 },
      });
      expect(saved.errors).toBeUndefined();
      const received = await sub.next();
      expect(received.errors).toBeUndefined();
      expect(received.data!.accountChanged).toMatchObject({ kind: "UPDATED", accountId: gid(account), account: { version: saved.data!.upsertFollowUpData.version } });
    } finally {
      await sub.close();
    }
  });

  it("should publish nothing for a write that rolled back", async () => {
    const account = await buildProspect(api.db.dataSource, managerUser);
    const next = await buildProspect(api.db.dataSource, managerUser);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: manager.sessionCookie });
    try {
      const stale = await move(manager, account, statuses[2]!, account.version + 7);
      expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      const duplicate = await manager.gql(CREATE, { input: { name: "Copia", companyName: account.companyName, email: account.email, localeId: account.localeId } });
      expect(duplicate.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      expect((await move(manager, next, statuses[2]!)).errors).toBeUndefined();
      expect(change(await sub.next())).toMatchObject({ kind: "MOVED", accountId: gid(next) });
    } finally {
      await sub.close();
    }
  });

  it("should deliver CREATED for each account of a committed CSV import to its owner", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: sdr.client.sessionCookie });
    try {
      const id = await uploadAndValidate(api, sdr.client, corpusFile("blank-lines-trailing.csv"));
      expect((await sdr.client.gql(COMMIT, { input: { id } })).errors).toBeUndefined();
      await api.services.imports.runner.idle();
      const names = [change(await sub.next()), change(await sub.next())].map((c) => [c.kind, c.account?.name]);
      expect(names).toEqual([
        ["CREATED", "Carla Ruiz"],
        ["CREATED", "Diego Mora"],
      ]);
    } finally {
      await sub.close();
    }
  });

  it("should read the accounts of a CSV batch's events together, not one statement per event", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: sdr.client.sessionCookie });
    try {
      const rows = Array.from({ length: 40 }, (_, i) => `Lote ${i},lote${i}.${sdr.user.id}@example.com,Lote ${sdr.user.id} ${i} SA,55${String(40000000 + sdr.user.id * 100 + i)}`);
      const id = await uploadAndValidate(api, sdr.client, ["name,email,company_name,phone", ...rows].join("\n"));
      const { statements } = await api.counter.count(async () => {
        expect((await sdr.client.gql(COMMIT, { input: { id } })).errors).toBeUndefined();
        await api.services.imports.runner.idle();
        const received: Change[] = [];
        for (let i = 0; i < rows.length; i += 1) {
          received.push(change(await sub.next()));
        }
        expect(received.map((c) => c.account?.name)).toEqual(rows.map((_, i) => `Lote ${i}`));
      });
      // The subscriber's account reads: the loader's IN (...) select, a handful for 40 events.
      const accountReads = statements.filter((sql) => /FROM [`"]prospection_users[`"] [`"]AccountEntity[`"]/.test(sql) && / IN \(/.test(sql));
      expect(accountReads.length).toBeGreaterThan(0);
      expect(accountReads.length).toBeLessThan(rows.length / 4);
    } finally {
      await sub.close();
    }
  });

  it("should read each message's account afresh when two messages about one account are delivered together", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, sdr.user);
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { cookie: sdr.client.sessionCookie });
    try {
      const facts = { createdBy: sdr.user.id, salesmanId: account.salesmanId, type: account.type, companyId: null, companyExecutiveId: null };
      const { statements } = await api.counter.count(async () => {
        // Published in one tick: the socket executes both in one batch, each with its own message's loaders.
        api.crm.bus.publish([accountEvent("UPDATED", sdr.user, account.id, facts)]);
        api.crm.bus.publish([accountEvent("UPDATED", sdr.user, account.id, facts)]);
        expect(change(await sub.next())).toMatchObject({ kind: "UPDATED", account: { id: gid(account) } });
        expect(change(await sub.next())).toMatchObject({ kind: "UPDATED", account: { id: gid(account) } });
      });
      // One read per message: a shared context would answer the second from the first's cached row.
      expect(statements.filter((sql) => /FROM [`"]prospection_users[`"] [`"]AccountEntity[`"]/.test(sql))).toHaveLength(2);
    } finally {
      await sub.close();
    }
  });

  it("should read an event once for all its manager subscribers (the web's document): as many statements for 6 managers as for 1", async () => {
    const account = await buildProspect(api.db.dataSource, managerUser);
    const managers = await Promise.all(Array.from({ length: 6 }, () => signedIn(["crm", "crm-manager"])));
    const statementsFor = async (subscribers: typeof managers, statusId: number) => {
      const subs: Array<TestSubscription<{ accountChanged: Change }>> = [];
      for (const { client } of subscribers) {
        subs.push(await subscribeLive<{ accountChanged: Change }>(api, { cookie: client.sessionCookie }, WEB_ACCOUNT_CHANGED));
      }
      try {
        const { statements } = await api.counter.count(async () => {
          expect((await move(manager, account, statusId)).errors).toBeUndefined();
          for (const sub of subs) {
            expect(change(await sub.next())).toMatchObject({ kind: "MOVED", accountId: gid(account), toStatus: { id: statusId }, account: { id: gid(account) } });
          }
        });
        return statements.filter((sql) => !/\bsessions\b/.test(sql));
      } finally {
        await Promise.all(subs.map((sub) => sub.close()));
      }
    };
    const one = await statementsFor(managers.slice(0, 1), statuses[1]!);
    const six = await statementsFor(managers, statuses[2]!);
    expect(six).toHaveLength(one.length);
  });

  it("should accept an API token in connectionParams and refuse a token without the read scope", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const { secret } = await buildApiToken(api.db.dataSource, sdr.user, { scopes: ["read"] });
    const sub = await subscribeLive<{ accountChanged: Change }>(api, { bearer: secret });
    try {
      const account = await buildProspect(api.db.dataSource, sdr.user);
      expect((await move(manager, account, statuses[1]!)).errors).toBeUndefined();
      expect(change(await sub.next())).toMatchObject({ kind: "MOVED", accountId: gid(account) });
    } finally {
      await sub.close();
    }
    const writeOnly = await buildApiToken(api.db.dataSource, sdr.user, { scopes: ["write"] });
    const refused = new TestSubscription(wsClient(api.url, { bearer: writeOnly.secret }), ACCOUNT_CHANGED);
    try {
      expect((await refused.next()).errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    } finally {
      await refused.close();
    }
  });

  it("should refuse a user without crm with FORBIDDEN when subscribing", async () => {
    const { client } = await signedIn([]);
    const sub = new TestSubscription(wsClient(api.url, { cookie: client.sessionCookie }), ACCOUNT_CHANGED);
    try {
      const result = await sub.next();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(result.data ?? null).toBeNull();
    } finally {
      await sub.close();
    }
  });

  it("should close an unauthenticated socket with 4401", async () => {
    for (const auth of [{}, { bearer: "crm_not_a_token" }, { cookie: "crm_session=not-a-session" }]) {
      const sub = new TestSubscription(wsClient(api.url, auth), ACCOUNT_CHANGED);
      expect((await sub.closed).code).toBe(4401);
    }
  });

  it("should refuse (4403) a session cookie sent from another site's page, and accept it from this one", async () => {
    const refused = new TestSubscription(wsClient(api.url, { cookie: manager.sessionCookie, origin: "https://evil.example" }), ACCOUNT_CHANGED);
    expect((await refused.closed).code).toBe(4403);
    const sameSite = await subscribeLive(api, { cookie: manager.sessionCookie, origin: api.url });
    await sameSite.close();
  });

  it("should close the socket (4401) once its session has ended", async () => {
    const sdr = await signedIn(["crm", "sdr"]);
    const sub = await subscribeLive(api, { cookie: sdr.client.sessionCookie });
    expect((await sdr.client.gql(LOGOUT)).errors).toBeUndefined();
    expect((await sub.closed).code).toBe(4401);
  });

  it("should refuse queries and invalid documents over the socket, and subscriptions over HTTP POST", async () => {
    const query = new TestSubscription(wsClient(api.url, { cookie: manager.sessionCookie }), `{ me { id } }`);
    try {
      expect((await query.next()).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      await query.close();
    }
    const invalid = new TestSubscription(wsClient(api.url, { cookie: manager.sessionCookie }), `subscription { accountChanged { nope } }`);
    try {
      expect((await invalid.next()).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    } finally {
      await invalid.close();
    }
    const overHttp = await manager.gql(ACCOUNT_CHANGED);
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("subscribing and the per-IP rate limit", () => {
  it("should count each connection and each subscribe against the IP's budget: RATE_LIMITED, then 1013 (try again later) past it", async () => {
    const api = await startTestApi("sqlite", { IP_RATE_LIMIT_PER_MINUTE: "4" });
    try {
      const user = await buildUser(api.db.dataSource, ["crm"]);
      const cookie = (await api.as(user)).sessionCookie; // 1 of 4 (the login)
      const live = await subscribeLive(api, { cookie }); // 2 (connection) and 3 (subscribe)
      const refused = new TestSubscription(wsClient(api.url, { cookie }), ACCOUNT_CHANGED); // 4 (connection)
      expect((await refused.next()).errors?.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
      // Past the budget the connection itself is refused, before its credential is looked up.
      const guessing = new TestSubscription(wsClient(api.url, { bearer: "guessed-token" }), ACCOUNT_CHANGED);
      expect(await guessing.closed).toMatchObject({ code: 1013 });
      await Promise.all([live, refused, guessing].map((sub) => sub.close()));
    } finally {
      await api.close();
    }
  });
});

describe("subscription sockets when the app stops", () => {
  it("should close open sockets with 1001 (going away)", async () => {
    const api = await startTestApi("sqlite");
    try {
      const user = await buildUser(api.db.dataSource, ["crm"]);
      const sub = await subscribeLive(api, { cookie: (await api.as(user)).sessionCookie });
      await api.crm.closeSockets();
      expect((await sub.closed).code).toBe(1001);
    } finally {
      await api.close();
    }
  });
});
