import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildContact, buildFollowUpData, buildNote, buildProspect, buildUser, firstStatus } from "../../../test/factories";
import { codeOf, failInsertsInto, tableCounts } from "../../../test/write-checks";
import type { UserEntity } from "../auth/user.entity";
import { ContactEntity } from "../contacts/contact.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "../notes/note.entities";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "./account.entity";

const MOVE = `mutation($input: MoveAccountInput!) { moveAccount(input: $input) { followUpStatus { id } version } }`;
const ASSIGN = `mutation($input: AssignSalesmanInput!) { assignSalesman(input: $input) { salesman { id } } }`;
const CONVERT = `mutation($input: ConvertToClientInput!) { convertToClient(input: $input) { __typename type status ... on Client { company { id name } } notes(first: 20) { totalCount edges { node { comment source } } } } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { id } }`;

describe.each(testDialects())("pipeline moves on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "manager" | "editor" | "inactive" | "noCrm", UserEntity>;
  let clients: Record<string, ApiClient>;
  let won: FollowUpStatusEntity;
  const gid = (account: AccountEntity) => toGlobalId("Account", account.id);
  const reload = (account: AccountEntity) => api.db.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
  const notesOf = (account: AccountEntity) => api.db.dataSource.getRepository(ProspectNoteEntity).find({ where: { prospectId: account.id }, order: { id: "ASC" } });

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      sdr: await buildUser(ds, ["crm", "sdr"]),
      sdr2: await buildUser(ds, ["crm", "sdr"]),
      manager: await buildUser(ds, ["crm", "crm-manager", "crm-edit-salesman-prospect"]),
      editor: await buildUser(ds, ["crm", "sdr", "crm-edit-salesman-prospect"]),
      inactive: await buildUser(ds, ["crm", "sdr"], { active: false }),
      noCrm: await buildUser(ds, ["sdr", "crm-edit-salesman-prospect"]),
    };
    won = await ds.getRepository(FollowUpStatusEntity).findOneByOrFail({ outcome: "won" });
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      if (name !== "inactive") {
        clients[name] = await api.as(user);
      }
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each([
    ["moveAccount", "MoveAccountInput", (id: string) => ({ accountId: id, followUpStatusId: 1 })],
    ["assignSalesman", "AssignSalesmanInput", (id: string) => ({ accountId: id, salesmanId: toGlobalId("User", 1) })],
    ["convertToClient", "ConvertToClientInput", (id: string) => ({ accountId: id, version: 1, company: {} })],
    ["updateAccount", "UpdateAccountInput", (id: string) => ({ accountId: id, version: 1, name: "x" })],
    ["upsertFollowUpData", "UpsertFollowUpDataInput", (id: string) => ({ accountId: id, version: 1, accountValue: 1 })],
    ["removeAccount", "RemoveAccountInput", (id: string) => ({ accountId: id })],
    ["restoreAccount", "RestoreAccountInput", (id: string) => ({ accountId: id })],
  ])("should refuse %s to a user without crm (FORBIDDEN) and change nothing", async (field, inputType, input) => {
    const account = await buildProspect(api.db.dataSource, users.noCrm);
    const client = await api.as(users.noCrm);
    const before = await tableCounts(api.db.dataSource);
    const res = await client.gql(`mutation($input: ${inputType}!) { ${field}(input: $input) { id } }`, { input: input(gid(account)) });
    expect(codeOf(res)).toBe("FORBIDDEN");
    expect(await tableCounts(api.db.dataSource)).toEqual(before);
    expect(await reload(account)).toMatchObject({ version: account.version, status: account.status, followUpId: account.followUpId });
  });

  describe("Mutation.moveAccount", () => {
    it("should change the status and write a status-change note (old → new, who) in the same transaction", async () => {
      const [from, to] = [await firstStatus(api.db.dataSource, 0), await firstStatus(api.db.dataSource, 2)];
      const account = await buildProspect(api.db.dataSource, users.sdr, { followUpId: from.id });
      const res = await clients.sdr!.gql<{ moveAccount: { followUpStatus: { id: number }; version: number } }>(MOVE, { input: { accountId: gid(account), followUpStatusId: to.id, version: account.version } });
      expect(res.data?.moveAccount).toEqual({ followUpStatus: { id: to.id }, version: account.version + 1 });
      const notes = await notesOf(account);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ statusId: to.id, createdBy: users.sdr.id, comment: `Estado: ${from.name} → ${to.name} (por ${users.sdr.name})` });
    });

    it("should record the outcome when the account reaches a won status", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      await clients.sdr!.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: won.id } });
      const [note] = await notesOf(account);
      expect(note?.comment).toContain("Resultado: ganado");
      expect(note?.statusId).toBe(won.id);
    });

    it("should write a client's status note into its company's follow_up_comments", async () => {
      const company = await buildCompany(api.db.dataSource);
      const client = await buildProspect(api.db.dataSource, users.sdr, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id });
      await clients.sdr!.gql(MOVE, { input: { accountId: gid(client), followUpStatusId: won.id } });
      const notes = await api.db.dataSource.getRepository(CompanyNoteEntity).findBy({ companyId: company.id });
      expect(notes.map((n) => n.followUpStatusId)).toEqual([won.id]);
      expect(await notesOf(client)).toHaveLength(0);
    });

    it("should answer BAD_USER_INPUT for an unknown status, CONFLICT for a stale version, NOT_FOUND out of scope — writing nothing", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const before = await tableCounts(api.db.dataSource);
      expect(codeOf(await clients.sdr!.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: 99999 } }))).toBe("BAD_USER_INPUT");
      expect(codeOf(await clients.sdr!.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: won.id, version: account.version + 1 } }))).toBe("CONFLICT");
      expect(codeOf(await clients.sdr2!.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: won.id } }))).toBe("NOT_FOUND");
      expect(await tableCounts(api.db.dataSource)).toEqual(before);
      expect((await reload(account)).followUpId).toBe(account.followUpId);
    });

    it("should roll the status back when its note cannot be written", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const drop = await failInsertsInto(api.db.dataSource, "prospect_follow_up_comments");
      try {
        expect((await clients.sdr!.gql(MOVE, { input: { accountId: gid(account), followUpStatusId: won.id } })).errors).toBeDefined();
      } finally {
        await drop();
      }
      expect(await reload(account)).toMatchObject({ followUpId: account.followUpId, version: account.version });
    });
  });

  describe("Mutation.assignSalesman", () => {
    it("should move the account into the new SDR's scope and out of the old one's, with a note", async () => {
      const account = await buildProspect(api.db.dataSource, users.manager, { salesmanId: users.sdr.id });
      expect(codeOf(await clients.sdr!.gql(ACCOUNT, { id: gid(account) }))).toBe("OK");
      expect(codeOf(await clients.sdr2!.gql(ACCOUNT, { id: gid(account) }))).toBe("NOT_FOUND");
      const res = await clients.manager!.gql<{ assignSalesman: { salesman: { id: string } } }>(ASSIGN, { input: { accountId: gid(account), salesmanId: toGlobalId("User", users.sdr2.id) } });
      expect(res.data?.assignSalesman.salesman.id).toBe(toGlobalId("User", users.sdr2.id));
      expect(codeOf(await clients.sdr2!.gql(ACCOUNT, { id: gid(account) }))).toBe("OK");
      expect(codeOf(await clients.sdr!.gql(ACCOUNT, { id: gid(account) }))).toBe("NOT_FOUND");
      const notes = await notesOf(account);
      expect(notes.map((n) => n.comment)).toEqual([`Ejecutivo asignado: ${users.sdr.name} → ${users.sdr2.name} (por ${users.manager.name})`]);
    });

    it("should refuse callers without crm-edit-salesman-prospect (FORBIDDEN) and out-of-scope accounts (NOT_FOUND)", async () => {
      const mine = await buildProspect(api.db.dataSource, users.sdr);
      const theirs = await buildProspect(api.db.dataSource, users.sdr2);
      const salesmanId = toGlobalId("User", users.sdr2.id);
      expect(codeOf(await clients.sdr!.gql(ASSIGN, { input: { accountId: gid(mine), salesmanId } }))).toBe("FORBIDDEN");
      expect(codeOf(await clients.editor!.gql(ASSIGN, { input: { accountId: gid(theirs), salesmanId: toGlobalId("User", users.editor.id) } }))).toBe("NOT_FOUND");
      expect((await reload(mine)).salesmanId).toBe(users.sdr.id);
      expect((await reload(theirs)).salesmanId).toBe(users.sdr2.id);
    });

    it("should answer BAD_USER_INPUT for an inactive or unknown salesman and CONFLICT for a stale version", async () => {
      const account = await buildProspect(api.db.dataSource, users.manager);
      const input = (salesmanId: string, version?: number) => ({ input: { accountId: gid(account), salesmanId, version } });
      expect(codeOf(await clients.manager!.gql(ASSIGN, input(toGlobalId("User", users.inactive.id))))).toBe("BAD_USER_INPUT");
      expect(codeOf(await clients.manager!.gql(ASSIGN, input(toGlobalId("User", 999999))))).toBe("BAD_USER_INPUT");
      expect(codeOf(await clients.manager!.gql(ASSIGN, input(toGlobalId("User", users.sdr.id), account.version + 2)))).toBe("CONFLICT");
      expect(await notesOf(account)).toHaveLength(0);
    });
  });

  describe("Mutation.convertToClient", () => {
    it("should create the company, make the account a registered Client and keep its prospect history on the timeline", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr, { companyName: "Envíos del Norte" });
      await buildNote(api.db.dataSource, account, users.sdr, { comment: "Primera llamada" });
      await buildFollowUpData(api.db.dataSource, account);
      await buildContact(api.db.dataSource, account, users.sdr);
      type Converted = { convertToClient: { __typename: string; type: string; status: string; company: { name: string }; notes: { totalCount: number; edges: Array<{ node: { comment: string; source: string } }> } } };
      const res = await clients.sdr!.gql<Converted>(CONVERT, { input: { accountId: gid(account), version: account.version, company: { taxId: "ENO010101AB1" } } });
      expect(res.errors).toBeUndefined();
      const client = res.data!.convertToClient;
      expect(client).toMatchObject({ __typename: "Client", type: "CLIENT", status: "REGISTERED", company: { name: "Envíos del Norte" } });
      expect(client.notes.edges.map((e) => e.node.comment)).toEqual(expect.arrayContaining(["Primera llamada", expect.stringContaining("Convertido a cliente")]));
      expect(client.notes.edges.find((e) => e.node.comment === "Primera llamada")?.node.source).toBe("PROSPECT");
      const row = await reload(account);
      expect(await api.db.dataSource.getRepository(FollowUpDataEntity).findOneByOrFail({ prospectId: account.id })).toMatchObject({ companyId: row.companyId });
      expect(await api.db.dataSource.getRepository(ContactEntity).findOneByOrFail({ prospectId: account.id })).toMatchObject({ companyId: row.companyId });
    });

    it("should link to an existing company and refuse converting twice (CONFLICT)", async () => {
      const company = await buildCompany(api.db.dataSource, { name: "Ya Registrada" });
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const res = await clients.sdr!.gql<{ convertToClient: { company: { id: string } } }>(CONVERT, { input: { accountId: gid(account), version: account.version, companyId: toGlobalId("Company", company.id) } });
      expect(res.data?.convertToClient.company.id).toBe(toGlobalId("Company", company.id));
      const twice = await clients.sdr!.gql(CONVERT, { input: { accountId: gid(account), version: account.version + 1, companyId: toGlobalId("Company", company.id) } });
      expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ALREADY_CLIENT" });
    });

    it("should refuse bad input, stale versions and out-of-scope accounts without writing", async () => {
      const account = await buildProspect(api.db.dataSource, users.sdr);
      const theirs = await buildProspect(api.db.dataSource, users.sdr2);
      const before = await tableCounts(api.db.dataSource);
      const convert = (input: Record<string, unknown>) => clients.sdr!.gql(CONVERT, { input: { accountId: gid(account), version: account.version, ...input } });
      expect(codeOf(await convert({}))).toBe("BAD_USER_INPUT");
      expect(codeOf(await convert({ company: { taxId: "not-an-rfc" } }))).toBe("BAD_USER_INPUT");
      expect(codeOf(await convert({ companyId: toGlobalId("Company", 999999) }))).toBe("NOT_FOUND");
      expect(codeOf(await convert({ version: account.version + 1, company: {} }))).toBe("CONFLICT");
      expect(codeOf(await clients.sdr!.gql(CONVERT, { input: { accountId: gid(theirs), version: theirs.version, company: {} } }))).toBe("NOT_FOUND");
      expect(await tableCounts(api.db.dataSource)).toEqual(before);
      expect((await reload(account)).type).toBe(AccountTypeCode.prospect);
    });
  });
});
