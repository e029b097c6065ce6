import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildContact, buildProspect, buildUser } from "../../../test/factories";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { ContactEntity } from "./contact.entity";

const FIELDS = "id name email phone { code number } jobTitle";
const ADD = `mutation($input: AddContactInput!) { addContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation($input: RemoveContactInput!) { removeContact(input: $input) { id name } }`;
const CONTACTS = `query($id: ID!) { account(id: $id) { contacts { id name } } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

describe.each(testDialects())("contact mutations on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"owner" | "stranger", UserEntity>;
  let account: AccountEntity;
  let client: AccountEntity;
  let as: Record<string, ApiClient>;
  const count = () => api.db.dataSource.getRepository(ContactEntity).count();

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = { owner: await buildUser(ds, ["crm", "sdr"]), stranger: await buildUser(ds, ["crm", "sdr"]) };
    account = await buildProspect(ds, users.owner);
    const company = await buildCompany(ds);
    client = await buildProspect(ds, users.owner, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id });
    as = { owner: await api.as(users.owner), stranger: await api.as(users.stranger) };
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("addContact", () => {
    it("should add a normalised contact that the account then lists", async () => {
      const res = await as.owner!.gql<{ addContact: { id: string } }>(ADD, {
        input: { accountId: toGlobalId("Account", account.id), name: " Lucía Gómez ", email: "Lucia@Example.MX", phoneCode: "+52", phone: "55 1234-5678", jobTitle: "Compras" },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.addContact).toMatchObject({ name: "Lucía Gómez", email: "lucia@example.mx", phone: { code: "52", number: "5512345678" }, jobTitle: "Compras" });
      const listed = await as.owner!.gql<{ account: { contacts: Array<{ id: string }> } }>(CONTACTS, { id: toGlobalId("Account", account.id) });
      expect(listed.data?.account.contacts.map((c) => c.id)).toContain(res.data?.addContact.id);
    });

    it("should keep a client's contact under its account and company", async () => {
      const res = await as.owner!.gql<{ addContact: { id: string } }>(ADD, { input: { accountId: toGlobalId("Account", client.id), name: "Pedro" } });
      expect(res.errors).toBeUndefined();
      expect(await api.db.dataSource.getRepository(ContactEntity).findOneByOrFail({ name: "Pedro" })).toMatchObject({ prospectId: client.id, companyId: client.companyId });
    });

    it("should name every bad field and write nothing", async () => {
      const before = await count();
      const res = await as.owner!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), name: "", email: "no-es-correo", phoneCode: "52", phone: "123" } });
      expect(code(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toEqual({ name: "is required", email: "must be a valid email address", phone: "must have 10 digits for +52" });
      const noCode = await as.owner!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), name: "X", phone: "5512345678" } });
      expect(noCode.errors?.[0]?.extensions?.fields).toEqual({ phoneCode: "is required with a phone number" });
      const unknownCode = await as.owner!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), name: "X", phoneCode: "999", phone: "5512345678" } });
      expect(unknownCode.errors?.[0]?.extensions?.fields).toHaveProperty("phoneCode");
      expect(await count()).toBe(before);
    });

    it("should answer NOT_FOUND for an account outside the viewer's scope and write nothing", async () => {
      const before = await count();
      expect(code(await as.stranger!.gql(ADD, { input: { accountId: toGlobalId("Account", account.id), name: "Intrusa" } }))).toBe("NOT_FOUND");
      expect(await count()).toBe(before);
    });
  });

  describe("updateContact", () => {
    it("should change the given fields, clear nulled ones and keep the rest", async () => {
      const contact = await buildContact(api.db.dataSource, account, users.owner);
      const res = await as.owner!.gql<{ updateContact: Record<string, unknown> }>(UPDATE, { input: { id: toGlobalId("Contact", contact.id), email: "nuevo@empresa.mx", jobTitle: null } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateContact).toMatchObject({ name: contact.name, email: "nuevo@empresa.mx", jobTitle: null, phone: { code: "52", number: "5512345678" } });
    });

    it("should validate a phone change against the stored phone code and change nothing on bad input", async () => {
      const contact = await buildContact(api.db.dataSource, account, users.owner);
      const res = await as.owner!.gql(UPDATE, { input: { id: toGlobalId("Contact", contact.id), phone: "12", name: "Otro" } });
      expect(res.errors?.[0]?.extensions?.fields).toEqual({ phone: "must have 10 digits for +52" });
      expect(await api.db.dataSource.getRepository(ContactEntity).findOneByOrFail({ id: contact.id })).toMatchObject({ name: contact.name, phone: "5512345678" });
    });

    it("should answer NOT_FOUND outside the viewer's scope", async () => {
      const contact = await buildContact(api.db.dataSource, account, users.owner);
      expect(code(await as.stranger!.gql(UPDATE, { input: { id: toGlobalId("Contact", contact.id), name: "Intrusa" } }))).toBe("NOT_FOUND");
      expect((await api.db.dataSource.getRepository(ContactEntity).findOneByOrFail({ id: contact.id })).name).toBe(contact.name);
    });
  });

  describe("removeContact", () => {
    it("should soft-delete a contact, which the account stops listing", async () => {
      const contact = await buildContact(api.db.dataSource, account, users.owner);
      const id = toGlobalId("Contact", contact.id);
      expect(code(await as.stranger!.gql(REMOVE, { input: { id } }))).toBe("NOT_FOUND");
      const res = await as.owner!.gql(REMOVE, { input: { id } });
      expect(res.data).toEqual({ removeContact: { id, name: contact.name } });
      expect((await api.db.dataSource.getRepository(ContactEntity).findOneByOrFail({ id: contact.id })).deletedAt).toBeInstanceOf(Date);
      const listed = await as.owner!.gql<{ account: { contacts: Array<{ id: string }> } }>(CONTACTS, { id: toGlobalId("Account", account.id) });
      expect(listed.data?.account.contacts.map((c) => c.id)).not.toContain(id);
      expect(code(await as.owner!.gql(REMOVE, { input: { id } }))).toBe("NOT_FOUND");
    });
  });
});
