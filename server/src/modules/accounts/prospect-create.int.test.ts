import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser, mexico } from "../../../test/factories";
import { codeOf, failInsertsInto, tableCounts } from "../../../test/write-checks";
import { OutboxEntity } from "../../jobs/outbox.entity";
import type { UserEntity } from "../auth/user.entity";
import { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import { ProspectNoteEntity } from "../notes/note.entities";
import { AccountEntity, AccountTypeCode } from "./account.entity";

const CREATE = `mutation($input: CreateProspectInput!) {
  createProspect(input: $input) { id legacyId __typename name companyName email phone { e164 } version salesman { id } followUpStatus { id } }
}`;

interface Created {
  createProspect: { id: string; legacyId: number; __typename: string; email: string | null; phone: { e164: string } | null; version: number; salesman: { id: string } | null; followUpStatus: { id: number } };
}

interface Duplicate {
  matchedOn: string[];
  existingAccountId: string | null;
  name: string | null;
}

let sequence = 0;

describe.each(testDialects())("Mutation.createProspect on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "partnerSdr" | "editor", UserEntity>;
  let clients: Record<string, ApiClient>;
  let localeId: number;

  /** A valid input, unique per call so tests do not collide as duplicates. */
  const valid = (overrides: Record<string, unknown> = {}) => {
    sequence += 1;
    return {
      name: `Lucía ${sequence}`,
      companyName: `Envíos Únicos ${sequence}`,
      email: `lucia${sequence}@envios.example`,
      phone: `33 1234 ${String(5000 + sequence).padStart(4, "0")}`,
      localeId,
      channel: "website",
      ...overrides,
    };
  };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    localeId = (await mexico(ds)).id;
    users = {
      sdr: await buildUser(ds, ["crm", "sdr"]),
      sdr2: await buildUser(ds, ["crm", "sdr"]),
      partnerSdr: await buildUser(ds, ["crm", "sdr", "crm-partners"]),
      editor: await buildUser(ds, ["crm", "sdr", "crm-edit-salesman-prospect"]),
    };
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should create the prospect, its follow-up data, a creation note and the Respond.io outbox row when the input is valid", async () => {
    const res = await clients.sdr!.gql<Created>(CREATE, { input: valid({ email: " Lucia.MAYUS@Envios.Example " }) });
    expect(res.errors).toBeUndefined();
    const created = res.data!.createProspect;
    expect(created).toMatchObject({ __typename: "Prospect", email: "lucia.mayus@envios.example", version: 1, salesman: { id: toGlobalId("User", users.sdr.id) } });
    expect(created.phone?.e164).toMatch(/^\+52331234\d{4}$/);
    const ds = api.db.dataSource;
    const row = await ds.getRepository(AccountEntity).findOneByOrFail({ id: created.legacyId });
    expect(row).toMatchObject({ type: AccountTypeCode.prospect, status: 1, createdBy: users.sdr.id, salesmanId: users.sdr.id, phoneCode: "52" });
    expect(await ds.getRepository(FollowUpDataEntity).findOneBy({ prospectId: row.id })).toMatchObject({ channel: "website" });
    const notes = await ds.getRepository(ProspectNoteEntity).findBy({ prospectId: row.id });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ createdBy: users.sdr.id, statusId: row.followUpId });
    const outbox = await ds.getRepository(OutboxEntity).findBy({ jobId: `respondio_add_prospect:${row.id}` });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ queue: "respondio", jobName: "respondio_add_prospect", status: "pending", payload: { prospectId: row.id } });
  });

  it("should create a partner prospect for a user with crm-partners and refuse one without it (FORBIDDEN, nothing written)", async () => {
    const ok = await clients.partnerSdr!.gql<Created>(CREATE, { input: valid({ type: "PARTNER_PROSPECT" }) });
    expect(ok.data?.createProspect.__typename).toBe("PartnerProspect");
    const before = await tableCounts(api.db.dataSource);
    const refused = await clients.sdr!.gql(CREATE, { input: valid({ type: "PARTNER_PROSPECT" }) });
    expect(codeOf(refused)).toBe("FORBIDDEN");
    expect(await tableCounts(api.db.dataSource)).toEqual(before);
  });

  it.each([
    ["a malformed email", { email: "no-at-sign" }, "email"],
    ["a phone with the wrong number of digits", { phone: "12345" }, "phone"],
    ["a phone with letters", { phone: "33ABC45678" }, "phone"],
    ["an unknown phone code", { phoneCode: "999" }, "phoneCode"],
    ["a blank name", { name: "  " }, "name"],
    ["a missing company name", { companyName: "" }, "companyName"],
    ["neither email nor phone", { email: null, phone: null }, "email"],
    ["an unknown locale", { localeId: 99999 }, "localeId"],
    ["an unknown follow-up status", { followUpStatusId: 99999 }, "followUpStatusId"],
    ["an unknown monthly shipment range", { monthlyShipmentId: 99999 }, "monthlyShipmentId"],
    ["an unknown channel", { channel: "carrier-pigeon" }, "channel"],
  ])("should answer BAD_USER_INPUT on the field and write nothing when given %s", async (_label, overrides, field) => {
    const before = await tableCounts(api.db.dataSource);
    const res = await clients.sdr!.gql(CREATE, { input: valid(overrides) });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toContain(field);
    expect(await tableCounts(api.db.dataSource)).toEqual(before);
  });

  describe("duplicates", () => {
    let mine: AccountEntity;
    let theirs: AccountEntity;

    beforeAll(async () => {
      const ds = api.db.dataSource;
      mine = await buildProspect(ds, users.sdr, { companyName: "Logística del Bajío", email: "ventas@bajio.example", phoneCode: "52", phone: "4771234567" });
      theirs = await buildProspect(ds, users.sdr2, { companyName: "Paquetería Peñasco", email: "hola@penasco.example", phoneCode: "52", phone: "6621234567" });
    });

    it.each([
      ["the same email in other case", { email: "VENTAS@bajio.example" }, "email"],
      ["the same phone code and number", { phone: "477 123 4567" }, "phone"],
      ["the company name without accents and in capitals", { companyName: "LOGISTICA DEL BAJIO" }, "companyName"],
    ])("should answer CONFLICT naming the visible account when it has %s", async (_label, overrides, field) => {
      const before = await tableCounts(api.db.dataSource);
      const res = await clients.sdr!.gql(CREATE, { input: valid(overrides) });
      expect(codeOf(res)).toBe("CONFLICT");
      const ext = res.errors![0]!.extensions as unknown as { existingAccountId: string; existingAccountName: string; duplicates: Duplicate[] };
      expect(ext.existingAccountId).toBe(toGlobalId("Account", mine.id));
      expect(ext.existingAccountName).toBe(mine.name);
      expect(ext.duplicates[0]!.matchedOn).toContain(field);
      expect(await tableCounts(api.db.dataSource)).toEqual(before);
    });

    it("should report a duplicate outside the caller's scope without its id or name", async () => {
      const res = await clients.sdr!.gql(CREATE, { input: valid({ companyName: "paqueteria penasco" }) });
      expect(codeOf(res)).toBe("CONFLICT");
      const ext = res.errors![0]!.extensions as unknown as { existingAccountId: string | null; duplicates: Duplicate[] };
      expect(ext.existingAccountId).toBeNull();
      expect(ext.duplicates).toEqual([{ matchedOn: ["companyName"], existingAccountId: null, name: null, companyName: null }]);
      expect(res.errors![0]!.message).not.toContain(theirs.name);
    });

    it("should create the account anyway when allowDuplicate is true", async () => {
      const res = await clients.sdr!.gql<Created>(CREATE, { input: valid({ email: "ventas@bajio.example", allowDuplicate: true }) });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createProspect.email).toBe("ventas@bajio.example");
    });
  });

  it("should assign another salesman only with crm-edit-salesman-prospect", async () => {
    const salesmanId = toGlobalId("User", users.sdr2.id);
    const refused = await clients.sdr!.gql(CREATE, { input: valid({ salesmanId }) });
    expect(codeOf(refused)).toBe("FORBIDDEN");
    const ok = await clients.editor!.gql<Created>(CREATE, { input: valid({ salesmanId }) });
    expect(ok.data?.createProspect.salesman?.id).toBe(salesmanId);
    const bad = await clients.editor!.gql(CREATE, { input: valid({ salesmanId: toGlobalId("User", 999999) }) });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });

  it("should roll back the row, follow-up data and outbox row when a later insert of the same transaction fails", async () => {
    const ds = api.db.dataSource;
    const before = await tableCounts(ds);
    const drop = await failInsertsInto(ds, "prospect_follow_up_comments");
    try {
      const res = await clients.sdr!.gql(CREATE, { input: valid() });
      expect(res.errors).toBeDefined();
    } finally {
      await drop();
    }
    expect(await tableCounts(ds)).toEqual(before);
  });

  it("should refuse anonymous callers with UNAUTHENTICATED", async () => {
    expect(codeOf(await api.anonymous().gql(CREATE, { input: valid() }))).toBe("UNAUTHENTICATED");
  });
});
