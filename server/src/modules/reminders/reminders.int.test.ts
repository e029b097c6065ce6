import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildReminder, buildUser } from "../../../test/factories";
import { AccountEntity, AccountStatusCode } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { ReminderEntity } from "./reminder.entity";

const FIELDS = "id text dueAt completedAt canEdit assignee { legacyId } createdBy { legacyId } account { legacyId }";
const CREATE = `mutation($input: CreateReminderInput!) { createReminder(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateReminderInput!) { updateReminder(input: $input) { ${FIELDS} } }`;
const COMPLETE = `mutation($input: CompleteReminderInput!) { completeReminder(input: $input) { id completedAt } }`;
const REMOVE = `mutation($input: RemoveReminderInput!) { removeReminder(input: $input) { id } }`;
const MINE = `query($filter: MyRemindersFilter) { myReminders(filter: $filter) { id text } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const DAY = 86_400_000;

describe.each(testDialects())("reminders on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"owner" | "colleague" | "outsider" | "manager" | "inactive", UserEntity>;
  let account: AccountEntity;
  let as: Record<string, ApiClient>;
  const repo = () => api.db.dataSource.getRepository(ReminderEntity);
  const gid = (r: ReminderEntity) => toGlobalId("Reminder", r.id);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      owner: await buildUser(ds, ["crm", "sdr"]),
      colleague: await buildUser(ds, ["crm", "sdr"]),
      outsider: await buildUser(ds, ["crm", "sdr"]),
      manager: await buildUser(ds, ["crm", "crm-manager"]),
      inactive: await buildUser(ds, ["crm", "crm-manager"], { active: false }),
    };
    // The owner created it, the colleague is its salesman; the outsider cannot see it.
    account = await buildProspect(ds, users.owner, { salesmanId: users.colleague.id });
    as = {};
    for (const name of ["owner", "colleague", "outsider", "manager"] as const) {
      as[name] = await api.as(users[name]);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("createReminder", () => {
    it("should assign the viewer by default and list it on the account", async () => {
      const res = await as.owner!.gql<{ createReminder: Record<string, unknown> & { id: string } }>(CREATE, {
        input: { accountId: toGlobalId("Account", account.id), text: " Enviar cotización ", dueAt: "2031-03-01T16:00:00.000Z" },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createReminder).toMatchObject({
        text: "Enviar cotización",
        dueAt: "2031-03-01T16:00:00.000Z",
        completedAt: null,
        canEdit: true,
        assignee: { legacyId: users.owner.id },
        createdBy: { legacyId: users.owner.id },
        account: { legacyId: account.id },
      });
      const listed = await as.colleague!.gql<{ account: { reminders: Array<{ id: string }> } }>(`query($id: ID!) { account(id: $id) { reminders { id } } }`, {
        id: toGlobalId("Account", account.id),
      });
      expect(listed.data?.account.reminders.map((r) => r.id)).toContain(res.data?.createReminder.id);
    });

    it("should assign a colleague who can see the account", async () => {
      const res = await as.owner!.gql<{ createReminder: { assignee: { legacyId: number } } }>(CREATE, {
        input: { accountId: toGlobalId("Account", account.id), text: "Para el colega", dueAt: "2031-03-02T16:00:00Z", assigneeId: toGlobalId("User", users.colleague.id) },
      });
      expect(res.data?.createReminder.assignee.legacyId).toBe(users.colleague.id);
    });

    it.each([
      ["outsider", "cannot see this account"],
      ["inactive", "must be an active CRM user"],
    ] as const)("should refuse an assignee who is %s and write nothing", async (who, problem) => {
      const before = await repo().count();
      const res = await as.owner!.gql(CREATE, {
        input: { accountId: toGlobalId("Account", account.id), text: "x", dueAt: "2031-03-02T16:00:00Z", assigneeId: toGlobalId("User", users[who].id) },
      });
      expect(code(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields?.assigneeId).toContain(problem);
      expect(await repo().count()).toBe(before);
    });

    it("should reject empty text and write nothing; NOT_FOUND outside the scope", async () => {
      const before = await repo().count();
      const empty = await as.owner!.gql(CREATE, { input: { accountId: toGlobalId("Account", account.id), text: "  ", dueAt: "2031-03-02T16:00:00Z" } });
      expect(empty.errors?.[0]?.extensions?.fields).toEqual({ text: "is required" });
      const outside = await as.outsider!.gql(CREATE, { input: { accountId: toGlobalId("Account", account.id), text: "x", dueAt: "2031-03-02T16:00:00Z" } });
      expect(code(outside)).toBe("NOT_FOUND");
      expect(await repo().count()).toBe(before);
    });
  });

  describe("updateReminder, completeReminder, removeReminder", () => {
    it("should let the assignee change text, date and assignee", async () => {
      const reminder = await buildReminder(api.db.dataSource, account, users.owner, { assigneeId: users.colleague.id });
      const res = await as.colleague!.gql<{ updateReminder: Record<string, unknown> }>(UPDATE, {
        input: { id: gid(reminder), text: "Reprogramado", dueAt: "2032-01-01T00:00:00.000Z", assigneeId: toGlobalId("User", users.owner.id) },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateReminder).toMatchObject({ text: "Reprogramado", dueAt: "2032-01-01T00:00:00.000Z", assignee: { legacyId: users.owner.id } });
    });

    it("should refuse someone who sees the account but neither wrote nor holds the reminder; a manager may", async () => {
      const reminder = await buildReminder(api.db.dataSource, account, users.owner);
      expect(code(await as.colleague!.gql(UPDATE, { input: { id: gid(reminder), text: "No" } }))).toBe("FORBIDDEN");
      expect(code(await as.colleague!.gql(COMPLETE, { input: { id: gid(reminder) } }))).toBe("FORBIDDEN");
      expect(code(await as.colleague!.gql(REMOVE, { input: { id: gid(reminder) } }))).toBe("FORBIDDEN");
      expect(await repo().findOneByOrFail({ id: reminder.id })).toMatchObject({ text: reminder.text, completedAt: null, deletedAt: null });
      const res = await as.manager!.gql(UPDATE, { input: { id: gid(reminder), text: "Gerencia" } });
      expect(res.errors).toBeUndefined();
    });

    it("should answer NOT_FOUND outside the scope, and reject a bad update without changing anything", async () => {
      const reminder = await buildReminder(api.db.dataSource, account, users.owner);
      for (const op of [UPDATE, COMPLETE, REMOVE]) {
        expect(code(await as.outsider!.gql(op, { input: { id: gid(reminder), ...(op === UPDATE ? { text: "x" } : {}) } }))).toBe("NOT_FOUND");
      }
      const bad = await as.owner!.gql(UPDATE, { input: { id: gid(reminder), text: "", assigneeId: null } });
      expect(bad.errors?.[0]?.extensions?.fields).toEqual({ text: "is required", assigneeId: "cannot be empty; a reminder always has an assignee" });
      const outsider = await as.owner!.gql(UPDATE, { input: { id: gid(reminder), assigneeId: toGlobalId("User", users.outsider.id) } });
      expect(code(outsider)).toBe("BAD_USER_INPUT");
      expect(await repo().findOneByOrFail({ id: reminder.id })).toMatchObject({ text: reminder.text, assigneeId: users.owner.id });
    });

    it("should complete and reopen a reminder", async () => {
      const reminder = await buildReminder(api.db.dataSource, account, users.owner);
      const done = await as.owner!.gql<{ completeReminder: { completedAt: string | null } }>(COMPLETE, { input: { id: gid(reminder) } });
      expect(done.data?.completeReminder.completedAt).not.toBeNull();
      expect((await repo().findOneByOrFail({ id: reminder.id })).completedAt).toBeInstanceOf(Date);
      const reopened = await as.owner!.gql<{ completeReminder: { completedAt: string | null } }>(COMPLETE, { input: { id: gid(reminder), completed: false } });
      expect(reopened.data?.completeReminder.completedAt).toBeNull();
    });

    it("should soft-delete a reminder; a second remove is NOT_FOUND", async () => {
      const reminder = await buildReminder(api.db.dataSource, account, users.owner);
      expect((await as.owner!.gql(REMOVE, { input: { id: gid(reminder) } })).errors).toBeUndefined();
      expect((await repo().findOneByOrFail({ id: reminder.id })).deletedAt).toBeInstanceOf(Date);
      expect(code(await as.owner!.gql(REMOVE, { input: { id: gid(reminder) } }))).toBe("NOT_FOUND");
    });
  });

  describe("myReminders", () => {
    it("should list the viewer's own reminders by status, on accounts they still see", async () => {
      const ds = api.db.dataSource;
      const me = await buildUser(ds, ["crm", "sdr"]);
      const mine = await buildProspect(ds, me);
      const lostAccess = await buildProspect(ds, users.owner, { salesmanId: me.id });
      const removed = await buildProspect(ds, me, { status: AccountStatusCode.removed });
      const soon = await buildReminder(ds, mine, me, { text: "pronto", dueAt: new Date(Date.now() + DAY) });
      const late = await buildReminder(ds, mine, me, { text: "atrasado", dueAt: new Date(Date.now() - DAY) });
      const later = await buildReminder(ds, mine, me, { text: "después", dueAt: new Date(Date.now() + 10 * DAY) });
      const done = await buildReminder(ds, mine, me, { text: "hecho", completedAt: new Date() });
      await buildReminder(ds, mine, users.owner, { text: "ajeno" });
      await buildReminder(ds, removed, me, { text: "cuenta borrada" });
      const reassigned = await buildReminder(ds, lostAccess, me, { text: "reasignada" });
      const client = await api.as(me);
      const texts = async (filter?: Record<string, unknown>) => ((await client.gql<{ myReminders: Array<{ text: string }> }>(MINE, { filter })).data?.myReminders ?? []).map((r) => r.text);
      expect(await texts()).toEqual(["atrasado", "pronto", "reasignada", "después"]);
      await ds.getRepository(AccountEntity).update({ id: lostAccess.id }, { salesmanId: users.owner.id });
      expect(await texts()).toEqual([late.text, soon.text, later.text]);
      expect(await texts({ status: "DUE" })).toEqual([soon.text, later.text]);
      expect(await texts({ status: "OVERDUE" })).toEqual([late.text]);
      expect(await texts({ status: "COMPLETED" })).toEqual([done.text]);
      expect(await texts({ status: "ALL" })).toHaveLength(4);
      expect(await texts({ status: "DUE", dueBefore: new Date(Date.now() + 2 * DAY).toISOString() })).toEqual([soon.text]);
      expect(reassigned.id).toBeGreaterThan(0);
    });

    it("should load the accounts and users of a list of reminders in batches", async () => {
      const ds = api.db.dataSource;
      const me = await buildUser(ds, ["crm", "sdr"]);
      for (let i = 0; i < 6; i += 1) {
        await buildReminder(ds, await buildProspect(ds, me), me);
      }
      const client = await api.as(me);
      const { result, statements } = await api.counter.count(() =>
        client.gql<{ myReminders: Array<{ account: { name: string } }> }>(`{ myReminders { id account { name salesman { name } } assignee { name } createdBy { name } } }`),
      );
      expect(result.data?.myReminders).toHaveLength(6);
      // The accounts in one read, their salesmen joined by the one-to-one facts read (which primes the
      // users loader), the reminders' own users in at most one more: never a statement per reminder.
      expect(statements.filter((sql) => /FROM "?`?prospection_users/i.test(sql))).toHaveLength(2);
      expect(statements.filter((sql) => /FROM "?`?users/i.test(sql)).length).toBeLessThanOrEqual(1);
    });
  });
});
