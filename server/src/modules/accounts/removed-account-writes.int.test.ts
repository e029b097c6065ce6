import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildCompanyNote, buildContact, buildLocation, buildNote, buildProspect, buildReminder, buildUser } from "../../../test/factories";
import { codeOf } from "../../../test/write-checks";
import { toGlobalId } from "../../graphql/global-id";
import { noteGlobalId } from "../notes/note.resolver";
import { AccountStatusCode, AccountTypeCode } from "./account.entity";

/** Rows a child write could add or change; "nothing written" is these unchanged. */
async function childState(api: TestApi): Promise<unknown[]> {
  const tables = ["prospect_follow_up_comments", "follow_up_comments", "extra_contacts", "company_locations", "reminders", "sent_emails"];
  return Promise.all(tables.map((table) => api.db.dataSource.query(`SELECT * FROM ${table} ORDER BY id`)));
}

describe.each(testDialects())("child writes on a removed account (%s)", (dialect) => {
  let api: TestApi;
  let client: ApiClient;
  const cases: Array<[string, string, () => Record<string, unknown>]> = [];
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    const sdr = await buildUser(ds, ["crm", "sdr", "crm-menu"]);
    const removed = await buildProspect(ds, sdr, { status: AccountStatusCode.removed, email: "borrada@test.example" });
    const company = await buildCompany(ds);
    await buildProspect(ds, sdr, { type: AccountTypeCode.client, status: AccountStatusCode.removed, companyId: company.id });
    ids = {
      account: toGlobalId("Account", removed.id),
      note: noteGlobalId({ source: "prospect", id: (await buildNote(ds, removed, sdr)).id }),
      companyNote: noteGlobalId({ source: "company", id: (await buildCompanyNote(ds, company.id, sdr, "Nota del cliente")).id }),
      contact: toGlobalId("Contact", (await buildContact(ds, removed, sdr)).id),
      location: toGlobalId("Location", (await buildLocation(ds, removed, sdr)).id),
      reminder: toGlobalId("Reminder", (await buildReminder(ds, removed, sdr)).id),
    };
    client = await api.as(sdr);
  });

  afterAll(async () => {
    await api?.close();
  });

  cases.push(
    ["addNote", "mutation($input: AddNoteInput!) { addNote(input: $input) { id } }", () => ({ accountId: ids.account, comment: "hola" })],
    ["updateNote", "mutation($input: UpdateNoteInput!) { updateNote(input: $input) { id } }", () => ({ id: ids.note, comment: "cambio" })],
    ["updateNote (company note)", "mutation($input: UpdateNoteInput!) { updateNote(input: $input) { id } }", () => ({ id: ids.companyNote, comment: "cambio" })],
    ["removeNote", "mutation($input: RemoveNoteInput!) { removeNote(input: $input) { id } }", () => ({ id: ids.note })],
    ["addContact", "mutation($input: AddContactInput!) { addContact(input: $input) { id } }", () => ({ accountId: ids.account, name: "Nuevo contacto" })],
    ["updateContact", "mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }", () => ({ id: ids.contact, name: "Otro nombre" })],
    ["addLocation", "mutation($input: AddLocationInput!) { addLocation(input: $input) { id } }", () => ({ accountId: ids.account, kind: "OFFICE", street: "Reforma", city: "CDMX", state: "CDMX", postalCode: "06600" })],
    ["removeLocation", "mutation($input: RemoveLocationInput!) { removeLocation(input: $input) { id } }", () => ({ id: ids.location })],
    ["createReminder", "mutation($input: CreateReminderInput!) { createReminder(input: $input) { id } }", () => ({ accountId: ids.account, text: "llamar", dueAt: "2031-01-01T10:00:00.000Z" })],
    ["completeReminder", "mutation($input: CompleteReminderInput!) { completeReminder(input: $input) { id } }", () => ({ id: ids.reminder })],
    ["sendEmail", "mutation($input: SendEmailInput!) { sendEmail(input: $input) { id } }", () => ({ accountId: ids.account, to: "borrada@test.example", subject: "Hola", body: "Texto" })],
  );

  it("updateNote should still edit a company's note while another account of the company is live", async () => {
    const ds = api.db.dataSource;
    const sdr = await buildUser(ds, ["crm", "sdr"]);
    const company = await buildCompany(ds);
    const asClient = { type: AccountTypeCode.client, companyId: company.id };
    await buildProspect(ds, sdr, { ...asClient, status: AccountStatusCode.removed });
    await buildProspect(ds, sdr, { ...asClient, status: AccountStatusCode.registered });
    const note = await buildCompanyNote(ds, company.id, sdr, "Antes");
    const res = await (await api.as(sdr)).gql<{ updateNote: { comment: string } }>(
      "mutation($input: UpdateNoteInput!) { updateNote(input: $input) { comment } }",
      { input: { id: noteGlobalId({ source: "company", id: note.id }), comment: "Después" } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateNote).toEqual({ comment: "Después" });
  });

  it.each(cases)("%s should be CONFLICT ACCOUNT_REMOVED and write nothing", async (_name, mutation, input) => {
    const before = await childState(api);
    const res = await client.gql(mutation, { input: input() });
    expect(codeOf(res)).toBe("CONFLICT");
    expect(res.errors?.[0]?.extensions).toMatchObject({ reason: "ACCOUNT_REMOVED" });
    expect(await childState(api)).toEqual(before);
  });
});
