import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildNote, buildProspect, buildReminder, buildUser } from "../../../test/factories";
import { codeOf } from "../../../test/write-checks";
import { noteGlobalId } from "../notes/note.resolver";
import { toGlobalId } from "../../graphql/global-id";
import type { UserEntity } from "../auth/user.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "../notes/note.entities";
import { AccountStatusCode, AccountTypeCode } from "./account.entity";

const ACTIVITIES = `query($from: DateTimeISO!, $to: DateTimeISO!, $filter: AccountFilter) {
  activities(from: $from, to: $to, filter: $filter) { id kind action date title completed account { legacyId } note { id } reminder { id } }
}`;

interface Item {
  id: string;
  kind: string;
  action: string | null;
  date: string;
  title: string;
  completed: boolean;
  account: { legacyId: number };
}

const at = (day: number, hour = 10) => new Date(Date.UTC(2031, 4, day, hour));
const RANGE = { from: at(1, 0).toISOString(), to: at(31, 0).toISOString() };

describe.each(testDialects())("Query.activities on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "manager", UserEntity>;
  let clients: Record<string, ApiClient>;
  let expected: { [name: string]: string };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = { sdr: await buildUser(ds, ["crm", "sdr"]), sdr2: await buildUser(ds, ["crm", "sdr"]), manager: await buildUser(ds, ["crm", "crm-manager"]) };
    const mine = await buildProspect(ds, users.sdr, { name: "Mía" });
    const theirs = await buildProspect(ds, users.sdr2);
    const company = await buildCompany(ds);
    const client = await buildProspect(ds, users.sdr, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id });
    const meeting = await buildNote(ds, mine, users.sdr, { comment: "Reunión", action: "meeting", scheduledDate: at(10) });
    await buildNote(ds, mine, users.sdr, { comment: "Fuera de rango", scheduledDate: new Date(Date.UTC(2031, 5, 2)) });
    await buildNote(ds, mine, users.sdr, { comment: "Sin fecha" });
    const deleted = await buildNote(ds, mine, users.sdr, { comment: "Borrada", scheduledDate: at(11) });
    await ds.getRepository(ProspectNoteEntity).update({ id: deleted.id }, { deletedAt: new Date() });
    await buildNote(ds, theirs, users.sdr2, { comment: "Ajena", scheduledDate: at(12) });
    const companyNote = await ds.getRepository(CompanyNoteEntity).save({ companyId: company.id, followUpStatusId: null, comment: "Visita cliente", action: "meeting", scheduledDate: at(5), createdBy: users.sdr.id });
    const reminder = await buildReminder(ds, mine, users.sdr, { text: "Mandar propuesta", dueAt: at(20), assigneeId: users.sdr.id });
    expected = {
      companyNote: noteGlobalId({ source: "company", id: companyNote.id }),
      meeting: noteGlobalId({ source: "prospect", id: meeting.id }),
      reminder: toGlobalId("Reminder", reminder.id),
      mine: String(mine.id),
      client: String(client.id),
    };
    clients = {};
    for (const [name, user] of Object.entries(users)) {
      clients[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should list the scheduled notes of both comment tables and the reminders in range, by date, for visible accounts only", async () => {
    const res = await clients.sdr!.gql<{ activities: Item[] }>(ACTIVITIES, RANGE);
    expect(res.errors).toBeUndefined();
    const items = res.data!.activities;
    expect(items.map((i) => i.id)).toEqual([expected.companyNote, expected.meeting, expected.reminder]);
    expect(items[0]).toMatchObject({ kind: "NOTE", action: "MEETING", title: "Visita cliente", account: { legacyId: Number(expected.client) } });
    expect(items[1]).toMatchObject({ kind: "NOTE", title: "Reunión", date: at(10).toISOString(), account: { legacyId: Number(expected.mine) } });
    expect(items[2]).toMatchObject({ kind: "REMINDER", action: null, title: "Mandar propuesta", completed: false });
  });

  it("should show a manager every account's items and apply the accounts filter", async () => {
    const all = await clients.manager!.gql<{ activities: Item[] }>(ACTIVITIES, RANGE);
    expect(all.data!.activities.map((i) => i.title)).toEqual(["Visita cliente", "Reunión", "Ajena", "Mandar propuesta"]);
    const clientsOnly = await clients.manager!.gql<{ activities: Item[] }>(ACTIVITIES, { ...RANGE, filter: { types: ["CLIENT"] } });
    expect(clientsOnly.data!.activities.map((i) => i.title)).toEqual(["Visita cliente"]);
  });

  it("should list a client company's note once when several visible accounts share the company", async () => {
    const ds = api.db.dataSource;
    const company = await buildCompany(ds);
    const client = { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id };
    const first = await buildProspect(ds, users.sdr, client);
    await buildProspect(ds, users.sdr2, client);
    const july = (day: number) => new Date(Date.UTC(2031, 6, day, 10));
    await ds.getRepository(CompanyNoteEntity).save({ companyId: company.id, followUpStatusId: null, comment: "Junta compartida", action: "meeting", scheduledDate: july(8), createdBy: users.sdr.id });
    const res = await clients.manager!.gql<{ activities: Item[] }>(ACTIVITIES, { from: july(1).toISOString(), to: july(31).toISOString() });
    expect(res.errors).toBeUndefined();
    // The note belongs to the company: one calendar item, shown on its first account (as the note's own account is chosen elsewhere).
    expect(res.data!.activities.map((i) => [i.title, i.account.legacyId])).toEqual([["Junta compartida", first.id]]);
  });

  it("should refuse an inverted or too long range with BAD_USER_INPUT", async () => {
    expect(codeOf(await clients.sdr!.gql(ACTIVITIES, { from: RANGE.to, to: RANGE.from }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await clients.sdr!.gql(ACTIVITIES, { from: RANGE.from, to: new Date(Date.UTC(2032, 0, 1)).toISOString() }))).toBe("BAD_USER_INPUT");
  });

  it("should refuse anonymous callers", async () => {
    expect(codeOf(await api.anonymous().gql(ACTIVITIES, RANGE))).toBe("UNAUTHENTICATED");
  });
});
