import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { codeOf, tableCounts } from "../../../test/write-checks";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { ProspectNoteEntity } from "../notes/note.entities";
import { PartnerDataEntity } from "../partners/partner-data.entity";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "./account.entity";

const UPDATE = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { id name companyName email version salesman { id } followUpData { accountValue accountSize channel { key } } } }`;
const UPSERT_FOLLOW_UP = `mutation($input: UpsertFollowUpDataInput!) { upsertFollowUpData(input: $input) { version followUpData { accountValue estimatedCloseDate annotations } } }`;
const UPSERT_PARTNER = `mutation($input: UpsertPartnerDataInput!) { upsertPartnerData(input: $input) { version ... on PartnerProspect { partnerData { url rating } } } }`;
const REMOVE = `mutation($input: RemoveAccountInput!) { removeAccount(input: $input) { status version } }`;
const RESTORE = `mutation($input: RestoreAccountInput!) { restoreAccount(input: $input) { status } }`;
const ACCOUNTS = `{ accounts(first: 100) { edges { node { legacyId } } } }`;

describe.each(testDialects())("account updates on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "editor" | "partners", UserEntity>;
  let clients: Record<string, ApiClient>;
  const gid = (account: AccountEntity) => toGlobalId("Account", account.id);
  const reload = (account: AccountEntity) => api.db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      sdr: await buildUser(ds, ["crm", "sdr"]),
      sdr2: await buildUser(ds, ["crm", "sdr"]),
      editor: await buildUser(ds, ["crm", "sdr", "crm-edit-salesman-prospect"]),
      partners: await buildUser(ds, ["crm", "sdr", "crm-partners"]),
    };
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("Mutation.updateAccount", () => {
    it("should change details and follow-up data in one write and bump the version", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const res = await clients.sdr!.gql<{ updateAccount: { name: string; companyName: string; email: string; version: number; followUpData: { accountValue: number; accountSize: string; channel: { key: string } } } }>(UPDATE, {
        input: { accountId: gid(account), version: account.version, name: "  Nuevo Nombre ", companyName: "Árboles SA", email: "NUEVO@x.example", followUpData: { accountValue: 12500.456, accountSize: "ENTERPRISE", channel: "referral" } },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateAccount).toMatchObject({ name: "Nuevo Nombre", companyName: "Árboles SA", email: "nuevo@x.example", version: account.version + 1, followUpData: { accountValue: 12500.46, accountSize: "ENTERPRISE", channel: { key: "referral" } } });
      expect((await reload(account)).companyNameKey).toBe("arboles sa");
    });

    it("should answer CONFLICT and write nothing when the version is stale (a colleague saved first)", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const first = await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, name: "Primero" } });
      expect(first.errors).toBeUndefined();
      const before = await tableCounts(api.db.dataSource);
      const second = await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, name: "Segundo", followUpData: { accountValue: 1 } } });
      expect(codeOf(second)).toBe("CONFLICT");
      expect(second.errors?.[0]?.extensions).toMatchObject({ reason: "STALE_VERSION", currentVersion: account.version + 1 });
      expect((await reload(account)).name).toBe("Primero");
      expect(await tableCounts(api.db.dataSource)).toEqual(before);
      expect(await api.db.dataSource.getRepository(FollowUpDataEntity).findOneBy({ prospectId: account.id })).toBeNull();
    });

    it("should let exactly one of two concurrent updates with the same version win", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const results = await Promise.all(
        ["A", "B"].map((name) => clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, name } })),
      );
      expect(results.map(codeOf).sort()).toEqual(["CONFLICT", "OK"]);
      expect((await reload(account)).version).toBe(account.version + 1);
    });

    it.each([
      ["a malformed email", { email: "nope" }, "email"],
      ["a blank name", { name: " " }, "name"],
      ["a phone too short for Mexico", { phone: "123" }, "phone"],
      ["an unknown locale", { localeId: 99999 }, "localeId"],
      ["a negative account value", { followUpData: { accountValue: -5 } }, "followUpData.accountValue"],
      ["an impossible close date", { followUpData: { estimatedCloseDate: "2030-02-30" } }, "followUpData.estimatedCloseDate"],
      ["an unknown ecommerce type", { followUpData: { ecommerceTypeId: 99999 } }, "followUpData.ecommerceTypeId"],
    ])("should answer BAD_USER_INPUT and write nothing when given %s", async (_label, overrides, field) => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const res = await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, ...overrides } });
      expect(codeOf(res)).toBe("BAD_USER_INPUT");
      expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toContain(field);
      expect(await reload(account)).toMatchObject({ version: account.version, name: account.name, email: account.email });
    });

    it("should refuse a salesman change without crm-edit-salesman-prospect (FORBIDDEN) and note one made with it", async () => {
      const account = await buildProspect(api.db.dataSource, users.editor);
      const salesmanId = toGlobalId("User", users.sdr2.id);
      expect(codeOf(await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, salesmanId } }))).toBe("FORBIDDEN");
      const ok = await clients.editor!.gql<{ updateAccount: { salesman: { id: string } } }>(UPDATE, { input: { accountId: gid(account), version: account.version, salesmanId } });
      expect(ok.data?.updateAccount.salesman.id).toBe(salesmanId);
      const notes = await api.db.dataSource.getRepository(ProspectNoteEntity).findBy({ prospectId: account.id });
      expect(notes.map((n) => n.comment)).toEqual([expect.stringContaining(users.sdr2.name)]);
    });

    it("should answer CONFLICT when a changed email or company name duplicates another account, unless allowDuplicate", async () => {
      const taken = await buildProspect(api.db.dataSource, users.sdr, { email: "tomado@x.example", companyName: "Fletes Zúñiga" });
      const account = await buildProspect(api.db.dataSource, users.sdr, { companyName: "Fletes Zuniga" });
      const input = { accountId: gid(account), version: account.version };
      const email = await clients.sdr!.gql(UPDATE, { input: { ...input, email: "TOMADO@x.example" } });
      expect(email.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", existingAccountId: gid(taken) });
      // The message fits an edit (it is shared with createProspect): no "create it anyway".
      expect(email.errors?.[0]?.message).toMatch(/already exists: .*Pass allowDuplicate: true to save it anyway\.$/);
      expect((await reload(account)).version).toBe(account.version);
      // The company name already collides, but an edit that does not change it is not re-checked.
      expect(codeOf(await clients.sdr!.gql(UPDATE, { input: { ...input, name: "Otro contacto" } }))).toBe("OK");
      const forced = await clients.sdr!.gql(UPDATE, { input: { ...input, version: account.version + 1, email: "tomado@x.example", allowDuplicate: true } });
      expect(codeOf(forced)).toBe("OK");
    });

    it("should answer NOT_FOUND for an account outside the caller's scope and change nothing", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr2);
      const res = await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version, name: "Intruso" } });
      expect(codeOf(res)).toBe("NOT_FOUND");
      expect((await reload(account)).name).toBe(account.name);
    });
  });

  describe("Mutation.upsertFollowUpData", () => {
    it("should create the row when missing, update it after, and bump the account version each time", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const created = await clients.sdr!.gql<{ upsertFollowUpData: { version: number; followUpData: { accountValue: number; estimatedCloseDate: string } } }>(UPSERT_FOLLOW_UP, {
        input: { accountId: gid(account), version: account.version, accountValue: 900, estimatedCloseDate: "2031-03-15" },
      });
      expect(created.data?.upsertFollowUpData).toMatchObject({ version: account.version + 1, followUpData: { accountValue: 900, estimatedCloseDate: "2031-03-15" } });
      const updated = await clients.sdr!.gql<{ upsertFollowUpData: { followUpData: { accountValue: number | null; annotations: string } } }>(UPSERT_FOLLOW_UP, {
        input: { accountId: gid(account), version: account.version + 1, accountValue: null, annotations: "Quiere tarifa LTL" },
      });
      expect(updated.data?.upsertFollowUpData.followUpData).toMatchObject({ accountValue: null, annotations: "Quiere tarifa LTL", estimatedCloseDate: "2031-03-15" });
      expect(await api.db.dataSource.getRepository(FollowUpDataEntity).countBy({ prospectId: account.id })).toBe(1);
    });

    it("should answer CONFLICT on a stale version, NOT_FOUND out of scope, BAD_USER_INPUT on bad values", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const other = await buildProspect(api.db.dataSource, users.sdr2);
      expect(codeOf(await clients.sdr!.gql(UPSERT_FOLLOW_UP, { input: { accountId: gid(account), version: account.version + 7, accountValue: 1 } }))).toBe("CONFLICT");
      expect(codeOf(await clients.sdr!.gql(UPSERT_FOLLOW_UP, { input: { accountId: gid(other), version: other.version, accountValue: 1 } }))).toBe("NOT_FOUND");
      expect(codeOf(await clients.sdr!.gql(UPSERT_FOLLOW_UP, { input: { accountId: gid(account), version: account.version, channel: "nope" } }))).toBe("BAD_USER_INPUT");
      expect(await api.db.dataSource.getRepository(FollowUpDataEntity).countBy({ prospectId: account.id })).toBe(0);
      expect((await reload(account)).version).toBe(account.version);
    });
  });

  describe("Mutation.upsertPartnerData", () => {
    it("should write partner data of a partner prospect for a crm-partners user", async () => {
      const account = await buildProspect(api.db.dataSource, users.partners, { type: AccountTypeCode.partnerProspect });
      const res = await clients.partners!.gql<{ upsertPartnerData: { version: number; partnerData: { url: string; rating: number } } }>(UPSERT_PARTNER, {
        input: { accountId: gid(account), version: account.version, url: "https://socio.example", rating: 5 },
      });
      expect(res.data?.upsertPartnerData).toMatchObject({ version: account.version + 1, partnerData: { url: "https://socio.example", rating: 5 } });
    });

    it("should refuse without crm-partners, refuse plain prospects and bad ratings, writing nothing", async () => {
      const partner = await buildProspect(api.db.dataSource, users.partners, { type: AccountTypeCode.partnerProspect });
      const plain = await buildProspect(api.db.dataSource, users.partners);
      expect(codeOf(await clients.sdr!.gql(UPSERT_PARTNER, { input: { accountId: gid(partner), version: partner.version, rating: 3 } }))).toBe("FORBIDDEN");
      expect(codeOf(await clients.partners!.gql(UPSERT_PARTNER, { input: { accountId: gid(plain), version: plain.version, rating: 3 } }))).toBe("BAD_USER_INPUT");
      expect(codeOf(await clients.partners!.gql(UPSERT_PARTNER, { input: { accountId: gid(partner), version: partner.version, rating: 9 } }))).toBe("BAD_USER_INPUT");
      expect(codeOf(await clients.partners!.gql(UPSERT_PARTNER, { input: { accountId: gid(partner), version: partner.version - 1, rating: 3 } }))).toBe("CONFLICT");
      expect(await api.db.dataSource.getRepository(PartnerDataEntity).countBy({ prospectId: partner.id })).toBe(0);
    });
  });

  describe("Mutation.removeAccount / restoreAccount", () => {
    it("should hide a removed account from the list, refuse edits to it, and bring it back on restore", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const removed = await clients.sdr!.gql<{ removeAccount: { status: string } }>(REMOVE, { input: { accountId: gid(account), version: account.version } });
      expect(removed.data?.removeAccount.status).toBe("REMOVED");
      expect((await reload(account)).status).toBe(AccountStatusCode.removed);
      const list = await clients.sdr!.gql<{ accounts: { edges: Array<{ node: { legacyId: number } }> } }>(ACCOUNTS);
      expect(list.data?.accounts.edges.map((e) => e.node.legacyId)).not.toContain(account.id);
      const edit = await clients.sdr!.gql(UPDATE, { input: { accountId: gid(account), version: account.version + 1, name: "x" } });
      expect(edit.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ACCOUNT_REMOVED" });
      const restored = await clients.sdr!.gql<{ restoreAccount: { status: string } }>(RESTORE, { input: { accountId: gid(account) } });
      expect(restored.data?.restoreAccount.status).toBe("IN_PROCESS");
      const again = await clients.sdr!.gql<{ accounts: { edges: Array<{ node: { legacyId: number } }> } }>(ACCOUNTS);
      expect(again.data?.accounts.edges.map((e) => e.node.legacyId)).toContain(account.id);
      expect(await api.db.dataSource.getRepository(ProspectNoteEntity).countBy({ prospectId: account.id })).toBe(2);
    });

    it("should answer NOT_FOUND out of scope, CONFLICT on a stale version, BAD_USER_INPUT restoring a live account", async () => {
      const mine = await buildProspect(api.db.dataSource, users.sdr);
      const theirs = await buildProspect(api.db.dataSource, users.sdr2);
      expect(codeOf(await clients.sdr!.gql(REMOVE, { input: { accountId: gid(theirs) } }))).toBe("NOT_FOUND");
      expect(codeOf(await clients.sdr!.gql(RESTORE, { input: { accountId: gid(theirs) } }))).toBe("NOT_FOUND");
      expect(codeOf(await clients.sdr!.gql(REMOVE, { input: { accountId: gid(mine), version: mine.version + 3 } }))).toBe("CONFLICT");
      expect(codeOf(await clients.sdr!.gql(RESTORE, { input: { accountId: gid(mine) } }))).toBe("BAD_USER_INPUT");
      expect((await reload(mine)).status).toBe(AccountStatusCode.inProcess);
      expect((await reload(theirs)).status).toBe(AccountStatusCode.inProcess);
    });
  });
});
