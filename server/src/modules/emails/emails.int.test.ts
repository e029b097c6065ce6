import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildContact, buildProspect, buildUser } from "../../../test/factories";
import { FakeSmtpServer } from "../../../test/fake-smtp";
import type { AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { ContactEntity } from "../contacts/contact.entity";
import { SentEmailEntity } from "./sent-email.entity";

const SEND = `mutation($input: SendEmailInput!) { sendEmail(input: $input) { id to subject body status error sentAt sentBy { legacyId } } }`;
const SENT = `query($id: ID!) { account(id: $id) { sentEmails { id to status error } } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

interface SentData {
  sendEmail: { id: string; to: string; subject: string; body: string; status: string; error: string | null; sentAt: string | null; sentBy: { legacyId: number } };
}

describe.each(testDialects())("sendEmail through SMTP on %s", (dialect) => {
  let api: TestApi;
  let smtp: FakeSmtpServer;
  let owner: UserEntity;
  let account: AccountEntity;
  let contact: ContactEntity;
  let as: Record<"owner" | "stranger" | "noCrm", ApiClient>;
  const rows = () => api.db.dataSource.getRepository(SentEmailEntity);

  beforeAll(async () => {
    smtp = new FakeSmtpServer();
    api = await startTestApi(dialect, { SMTP_URL: await smtp.start(), MAIL_FROM: "CRM Envíos <crm@envios.example>" });
    const ds = api.db.dataSource;
    owner = await buildUser(ds, ["crm", "sdr"]);
    account = await buildProspect(ds, owner, { email: "compras@cliente.mx" });
    contact = await buildContact(ds, account, owner);
    await ds.getRepository(ContactEntity).update({ id: contact.id }, { email: "lucia@cliente.mx" });
    as = {
      owner: await api.as(owner),
      stranger: await api.as(await buildUser(ds, ["crm", "sdr"])),
      noCrm: await api.as(await buildUser(ds, [])),
    };
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it("should send to the account's email, store it as sent and list it on the account", async () => {
    const res = await as.owner.gql<SentData>(SEND, { input: { accountId: toGlobalId("Account", account.id), to: "Compras@Cliente.mx", subject: "Cotización", body: "Hola,\nadjunto la cotización." } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.sendEmail).toMatchObject({ to: "compras@cliente.mx", subject: "Cotización", status: "SENT", error: null, sentBy: { legacyId: owner.id } });
    expect(res.data?.sendEmail.sentAt).not.toBeNull();
    const mail = smtp.received.at(-1)!;
    expect(mail).toMatchObject({ from: "crm@envios.example", to: ["compras@cliente.mx"] });
    expect(mail.data).toContain("adjunto la cotizaci");
    const row = await rows().findOneByOrFail({ subject: "Cotización" });
    expect(row).toMatchObject({ prospectId: account.id, contactId: null, status: "sent", sentBy: owner.id });
    expect(row.messageId).toBeTruthy();
    const listed = await as.owner.gql<{ account: { sentEmails: Array<{ id: string }> } }>(SENT, { id: toGlobalId("Account", account.id) });
    expect(listed.data?.account.sentEmails[0]?.id).toBe(res.data?.sendEmail.id);
  });

  it("should send to one of the account's contacts and link the contact", async () => {
    const res = await as.owner.gql<SentData>(SEND, { input: { accountId: toGlobalId("Account", account.id), to: "lucia@cliente.mx", subject: "Seguimiento", body: "Hola Lucía" } });
    expect(res.data?.sendEmail.status).toBe("SENT");
    expect((await rows().findOneByOrFail({ subject: "Seguimiento" })).contactId).toBe(contact.id);
  });

  it("should keep the row as failed with the error and answer INTEGRATION_FAILED when SMTP refuses", async () => {
    smtp.rejectRecipients.add("lucia@cliente.mx");
    try {
      const res = await as.owner.gql(SEND, { input: { accountId: toGlobalId("Account", account.id), to: "lucia@cliente.mx", subject: "Rebota", body: "x" } });
      expect(code(res)).toBe("INTEGRATION_FAILED");
      const row = await rows().findOneByOrFail({ subject: "Rebota" });
      expect(row.status).toBe("failed");
      expect(row.error).toContain("550");
      expect(res.errors?.[0]?.extensions).toMatchObject({ sentEmailId: row.id });
      const listed = await as.owner.gql<{ account: { sentEmails: Array<{ to: string; status: string; error: string | null }> } }>(SENT, { id: toGlobalId("Account", account.id) });
      expect(listed.data?.account.sentEmails[0]).toMatchObject({ to: "lucia@cliente.mx", status: "FAILED" });
    } finally {
      smtp.rejectRecipients.clear();
    }
  });

  it.each([
    [{ to: "otro@desconocido.mx" }, { to: "must be the account's email or one of its contacts' emails" }],
    [{ to: "no-es-correo" }, { to: "must be a valid email address" }],
    [{ subject: " ", body: "" }, { subject: "is required", body: "is required" }],
    [{ subject: "Hola\r\nBcc: todos@spam.example" }, { subject: "must be a single line" }],
  ])("should reject bad input %# and neither store nor send anything", async (bad, fields) => {
    const [before, received] = [await rows().count(), smtp.received.length];
    const res = await as.owner.gql(SEND, { input: { accountId: toGlobalId("Account", account.id), to: "compras@cliente.mx", subject: "S", body: "B", ...bad } });
    expect(code(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.fields).toEqual(fields);
    expect(await rows().count()).toBe(before);
    expect(smtp.received).toHaveLength(received);
  });

  it("should answer NOT_FOUND outside the scope and FORBIDDEN without crm, storing nothing", async () => {
    const before = await rows().count();
    const input = { accountId: toGlobalId("Account", account.id), to: "compras@cliente.mx", subject: "S", body: "B" };
    expect(code(await as.stranger.gql(SEND, { input }))).toBe("NOT_FOUND");
    expect(code(await as.noCrm.gql(SEND, { input }))).toBe("FORBIDDEN");
    expect(await rows().count()).toBe(before);
  });
});

describe.each(testDialects())("sendEmail without SMTP (dev outbox) on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should keep the email in the dev outbox, never dropping it, and list it on the account", async () => {
    const owner = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    const account = await buildProspect(api.db.dataSource, owner, { email: "dev@cliente.mx" });
    const client = await api.as(owner);
    const res = await client.gql<SentData>(SEND, { input: { accountId: toGlobalId("Account", account.id), to: "dev@cliente.mx", subject: "Local", body: "Sin SMTP" } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.sendEmail).toMatchObject({ status: "DEV_OUTBOX", sentAt: null, error: null });
    const row = await api.db.dataSource.getRepository(SentEmailEntity).findOneByOrFail({ prospectId: account.id });
    expect(row).toMatchObject({ status: "dev_outbox", toAddress: "dev@cliente.mx", body: "Sin SMTP" });
    const listed = await client.gql<{ account: { sentEmails: Array<{ status: string }> } }>(SENT, { id: toGlobalId("Account", account.id) });
    expect(listed.data?.account.sentEmails).toEqual([expect.objectContaining({ status: "DEV_OUTBOX" })]);
  });

  it("should read the emails of a page of accounts in one statement", async () => {
    const owner = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    for (let i = 0; i < 5; i += 1) {
      const account = await buildProspect(api.db.dataSource, owner);
      await api.db.dataSource.getRepository(SentEmailEntity).save({ prospectId: account.id, contactId: null, toAddress: account.email!, subject: `S${i}`, body: "b", status: "dev_outbox", error: null, messageId: null, sentBy: owner.id, sentAt: null });
    }
    const client = await api.as(owner);
    const { result, statements } = await api.counter.count(() => client.gql<{ accounts: { edges: Array<{ node: { sentEmails: unknown[] } }> } }>(`{ accounts(first: 10) { edges { node { sentEmails { id } } } } }`));
    expect(result.data?.accounts.edges).toHaveLength(5);
    expect(result.data?.accounts.edges.every((e) => e.node.sentEmails.length === 1)).toBe(true);
    expect(statements.filter((s) => s.includes("sent_emails"))).toHaveLength(1);
  });
});
