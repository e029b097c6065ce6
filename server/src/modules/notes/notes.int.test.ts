import { IsNull } from "typeorm";
import { toGlobalId } from "../../graphql/global-id";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildCompany, buildNote, buildProspect, buildUser } from "../../../test/factories";
import { AccountStatusCode, AccountTypeCode, type AccountEntity } from "../accounts/account.entity";
import type { UserEntity } from "../auth/user.entity";
import { CompanyNoteEntity, ProspectNoteEntity } from "./note.entities";
import { noteGlobalId } from "./note.resolver";

const NOTE_FIELDS = "id source comment action scheduledDate canEdit author { legacyId } status { id }";
const ADD = `mutation($input: AddNoteInput!) { addNote(input: $input) { ${NOTE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateNoteInput!) { updateNote(input: $input) { ${NOTE_FIELDS} } }`;
const REMOVE = `mutation($input: RemoveNoteInput!) { removeNote(input: $input) { id comment } }`;
const TIMELINE = `query($id: ID!) { account(id: $id) { notes(first: 50) { totalCount edges { node { id comment source } } } } }`;

interface NoteData {
  id: string;
  source: string;
  comment: string;
  action: string | null;
  scheduledDate: string | null;
  canEdit: boolean;
  author: { legacyId: number };
  status: { id: number } | null;
}

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

describe.each(testDialects())("note mutations on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"author" | "colleague" | "stranger" | "manager" | "noCrm", UserEntity>;
  let shared: AccountEntity;
  let client: AccountEntity;
  let as: Record<string, ApiClient>;

  const countNotes = async () => {
    const ds = api.db.dataSource;
    return (await ds.getRepository(ProspectNoteEntity).count()) + (await ds.getRepository(CompanyNoteEntity).count());
  };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = {
      author: await buildUser(ds, ["crm", "sdr"]),
      colleague: await buildUser(ds, ["crm", "sdr"]),
      stranger: await buildUser(ds, ["crm", "sdr"]),
      manager: await buildUser(ds, ["crm", "crm-manager"]),
      noCrm: await buildUser(ds, []),
    };
    // Created by the author, assigned to the colleague: both see it, the stranger does not.
    shared = await buildProspect(ds, users.author, { salesmanId: users.colleague.id });
    const company = await buildCompany(ds);
    client = await buildProspect(ds, users.author, { type: AccountTypeCode.client, status: AccountStatusCode.registered, companyId: company.id });
    as = {};
    for (const [name, user] of Object.entries(users)) {
      as[name] = await api.as(user);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe("addNote", () => {
    it("should write a prospect's note to prospect_follow_up_comments with the account's status", async () => {
      const res = await as.author!.gql<{ addNote: NoteData }>(ADD, {
        input: { accountId: toGlobalId("Account", shared.id), comment: "  Llamada de seguimiento ", action: "CALL", scheduledDate: "2031-05-01T15:00:00.000Z" },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.addNote).toMatchObject({
        source: "PROSPECT",
        comment: "Llamada de seguimiento",
        action: "CALL",
        scheduledDate: "2031-05-01T15:00:00.000Z",
        canEdit: true,
        author: { legacyId: users.author.id },
        status: { id: shared.followUpId },
      });
      const row = await api.db.dataSource.getRepository(ProspectNoteEntity).findOneByOrFail({ comment: "Llamada de seguimiento" });
      expect(row).toMatchObject({ prospectId: shared.id, statusId: shared.followUpId, action: "call", createdBy: users.author.id });
      expect(res.data?.addNote.id).toBe(noteGlobalId({ source: "prospect", id: row.id }));
      const timeline = await as.colleague!.gql<{ account: { notes: { edges: Array<{ node: { id: string } }> } } }>(TIMELINE, { id: toGlobalId("Account", shared.id) });
      expect(timeline.data?.account.notes.edges.map((e) => e.node.id)).toContain(res.data?.addNote.id);
    });

    it("should write a client's note to its company's follow_up_comments", async () => {
      const res = await as.author!.gql<{ addNote: NoteData }>(ADD, { input: { accountId: toGlobalId("Account", client.id), comment: "Visita a planta", action: "MEETING" } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.addNote).toMatchObject({ source: "COMPANY", action: "MEETING", scheduledDate: null });
      const row = await api.db.dataSource.getRepository(CompanyNoteEntity).findOneByOrFail({ comment: "Visita a planta" });
      expect(row).toMatchObject({ companyId: client.companyId, followUpStatusId: client.followUpId });
      const timeline = await as.author!.gql<{ account: { notes: { edges: Array<{ node: { id: string; source: string } }> } } }>(TIMELINE, { id: toGlobalId("Account", client.id) });
      expect(timeline.data?.account.notes.edges.map((e) => e.node)).toContainEqual({ id: res.data?.addNote.id, comment: "Visita a planta", source: "COMPANY" });
    });

    it.each([
      [{ comment: "   " }, "comment"],
      [{ comment: "x".repeat(5001) }, "comment"],
    ])("should reject bad input %# and write nothing", async (bad, field) => {
      const before = await countNotes();
      const res = await as.author!.gql(ADD, { input: { accountId: toGlobalId("Account", shared.id), ...bad } });
      expect(code(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toHaveProperty(field);
      expect(await countNotes()).toBe(before);
    });

    it("should reject an unknown action before any resolver runs", async () => {
      const before = await countNotes();
      const res = await as.author!.gql(ADD, { input: { accountId: toGlobalId("Account", shared.id), comment: "x", action: "FAX" } });
      expect(res.errors?.[0]?.message).toContain("FAX");
      expect(await countNotes()).toBe(before);
    });

    it("should answer NOT_FOUND for an account outside the viewer's scope and write nothing", async () => {
      const before = await countNotes();
      const res = await as.stranger!.gql(ADD, { input: { accountId: toGlobalId("Account", shared.id), comment: "Hola" } });
      expect(code(res)).toBe("NOT_FOUND");
      expect(await countNotes()).toBe(before);
    });

    it("should refuse anonymous callers and users without crm", async () => {
      const input = { accountId: toGlobalId("Account", shared.id), comment: "Hola" };
      expect(code(await api.anonymous().gql(ADD, { input }))).toBe("UNAUTHENTICATED");
      expect(code(await as.noCrm!.gql(ADD, { input }))).toBe("FORBIDDEN");
    });
  });

  describe("updateNote", () => {
    it("should let the author change comment and action and clear the schedule", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author, { scheduledDate: new Date("2031-01-01T10:00:00Z") });
      const id = noteGlobalId({ source: "prospect", id: note.id });
      const res = await as.author!.gql<{ updateNote: NoteData }>(UPDATE, { input: { id, comment: "Editada", action: "WHATSAPP", scheduledDate: null } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateNote).toMatchObject({ id, comment: "Editada", action: "WHATSAPP", scheduledDate: null });
      expect(await api.db.dataSource.getRepository(ProspectNoteEntity).findOneByOrFail({ id: note.id })).toMatchObject({ comment: "Editada", action: "whatsapp", scheduledDate: null });
    });

    it("should keep omitted fields as they are", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author, { comment: "Original", action: "sms" });
      const res = await as.author!.gql<{ updateNote: NoteData }>(UPDATE, { input: { id: noteGlobalId({ source: "prospect", id: note.id }), comment: "Solo texto" } });
      expect(res.data?.updateNote).toMatchObject({ comment: "Solo texto", action: "SMS" });
    });

    it("should refuse a colleague who sees the account but did not write the note, changing nothing", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author, { comment: "De la autora" });
      const res = await as.colleague!.gql(UPDATE, { input: { id: noteGlobalId({ source: "prospect", id: note.id }), comment: "Pisada" } });
      expect(code(res)).toBe("FORBIDDEN");
      expect((await api.db.dataSource.getRepository(ProspectNoteEntity).findOneByOrFail({ id: note.id })).comment).toBe("De la autora");
      const listed = await as.colleague!.gql<{ account: { notes: { edges: Array<{ node: { id: string } }> } } }>(
        `query($id: ID!) { account(id: $id) { notes(first: 100) { edges { node { id canEdit } } } } }`,
        { id: toGlobalId("Account", shared.id) },
      );
      expect(listed.data?.account.notes.edges.map((e) => e.node)).toContainEqual({ id: noteGlobalId({ source: "prospect", id: note.id }), canEdit: false });
    });

    it("should let a manager change anyone's note, company notes included", async () => {
      const added = await as.author!.gql<{ addNote: NoteData }>(ADD, { input: { accountId: toGlobalId("Account", client.id), comment: "Para el gerente" } });
      const res = await as.manager!.gql<{ updateNote: NoteData }>(UPDATE, { input: { id: added.data!.addNote.id, comment: "Revisada por gerencia" } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateNote).toMatchObject({ source: "COMPANY", comment: "Revisada por gerencia", canEdit: true });
    });

    it("should answer NOT_FOUND outside the viewer's scope, for prospect and company notes", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author);
      const companyNote = await as.author!.gql<{ addNote: NoteData }>(ADD, { input: { accountId: toGlobalId("Account", client.id), comment: "Privada" } });
      for (const id of [noteGlobalId({ source: "prospect", id: note.id }), companyNote.data!.addNote.id]) {
        expect(code(await as.stranger!.gql(UPDATE, { input: { id, comment: "x" } }))).toBe("NOT_FOUND");
      }
    });

    it("should reject an empty comment and a non-note id, changing nothing", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author, { comment: "Intacta" });
      const empty = await as.author!.gql(UPDATE, { input: { id: noteGlobalId({ source: "prospect", id: note.id }), comment: "" } });
      expect(code(empty)).toBe("BAD_USER_INPUT");
      expect(empty.errors?.[0]?.extensions?.fields).toEqual({ comment: "is required" });
      expect(code(await as.author!.gql(UPDATE, { input: { id: toGlobalId("Account", shared.id), comment: "x" } }))).toBe("BAD_USER_INPUT");
      expect(code(await as.author!.gql(UPDATE, { input: { id: toGlobalId("Note", note.id), comment: "x" } }))).toBe("BAD_USER_INPUT");
      expect((await api.db.dataSource.getRepository(ProspectNoteEntity).findOneByOrFail({ id: note.id })).comment).toBe("Intacta");
    });
  });

  describe("removeNote", () => {
    it("should soft-delete the author's note: the row stays, the timeline drops it, a second remove is NOT_FOUND", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author, { comment: "Para borrar" });
      const id = noteGlobalId({ source: "prospect", id: note.id });
      const res = await as.author!.gql<{ removeNote: { id: string; comment: string } }>(REMOVE, { input: { id } });
      expect(res.data?.removeNote).toEqual({ id, comment: "Para borrar" });
      const row = await api.db.dataSource.getRepository(ProspectNoteEntity).findOneByOrFail({ id: note.id });
      expect(row.deletedAt).toBeInstanceOf(Date);
      const timeline = await as.author!.gql<{ account: { notes: { edges: Array<{ node: { id: string } }> } } }>(TIMELINE, { id: toGlobalId("Account", shared.id) });
      expect(timeline.data?.account.notes.edges.map((e) => e.node.id)).not.toContain(id);
      expect(code(await as.author!.gql(REMOVE, { input: { id } }))).toBe("NOT_FOUND");
    });

    it("should refuse a colleague and a stranger, and let a manager remove it", async () => {
      const note = await buildNote(api.db.dataSource, shared, users.author);
      const id = noteGlobalId({ source: "prospect", id: note.id });
      expect(code(await as.colleague!.gql(REMOVE, { input: { id } }))).toBe("FORBIDDEN");
      expect(code(await as.stranger!.gql(REMOVE, { input: { id } }))).toBe("NOT_FOUND");
      expect(await api.db.dataSource.getRepository(ProspectNoteEntity).countBy({ id: note.id, deletedAt: IsNull() })).toBe(1);
      const res = await as.manager!.gql(REMOVE, { input: { id } });
      expect(res.errors).toBeUndefined();
      expect(await api.db.dataSource.getRepository(ProspectNoteEntity).countBy({ id: note.id, deletedAt: IsNull() })).toBe(0);
    });
  });
});

interface TimelineData {
  notes: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { comment: string } }> };
  lastActivityAt: string | null;
  nextScheduledActivity: { comment: string } | null;
}

/** notesByAccount and activityByAccountId share one window statement (note.loaders.ts): both answers stay each account's own. */
describe.each(testDialects())("an account's first notes and its activity summary in one request on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should give the page, the count, the newest note time and the soonest upcoming note when the latter ranks outside the page", async () => {
    const ds = api.db.dataSource;
    const manager = await buildUser(ds, ["crm", "crm-manager"]);
    const day = (n: number) => new Date(Date.UTC(2025, 0, n, 12, 0, 0));
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
    const busy = await buildProspect(ds, manager);
    // Newest first: n5, n4 (the page of 2), n3, n2, n1; the soonest upcoming is the oldest note, n1.
    await buildNote(ds, busy, manager, { comment: "n1", createdAt: day(1), scheduledDate: inDays(2) });
    await buildNote(ds, busy, manager, { comment: "n2", createdAt: day(2), scheduledDate: inDays(5) });
    await buildNote(ds, busy, manager, { comment: "n3", createdAt: day(3), scheduledDate: inDays(-1) });
    await buildNote(ds, busy, manager, { comment: "n4", createdAt: day(4) });
    await buildNote(ds, busy, manager, { comment: "n5", createdAt: day(5) });
    const quiet = await buildProspect(ds, manager);
    await buildNote(ds, quiet, manager, { comment: "q1", createdAt: day(7), scheduledDate: inDays(-3) });
    const empty = await buildProspect(ds, manager);
    const fields = "notes(first: 2) { totalCount pageInfo { hasNextPage } edges { node { comment } } } lastActivityAt nextScheduledActivity { comment }";
    const caller = await api.as(manager);
    // One page of accounts (this suite's database holds only these three): one batch per loader.
    const { result, statements } = await api.counter.count(() =>
      caller.gql<{ accounts: { edges: Array<{ node: TimelineData & { legacyId: number } }> } }>(`{ accounts(first: 10) { edges { node { legacyId ${fields} } } } }`),
    );
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data?.accounts.edges.map((e) => [e.node.legacyId, e.node] as const));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([busy.id, quiet.id, empty.id]);
    const summary = (t: TimelineData | undefined) =>
      t && {
        totalCount: t.notes.totalCount,
        hasNextPage: t.notes.pageInfo.hasNextPage,
        comments: t.notes.edges.map((e) => e.node.comment),
        lastActivityAt: t.lastActivityAt && new Date(t.lastActivityAt).toISOString(),
        next: t.nextScheduledActivity?.comment ?? null,
      };
    expect(summary(byId.get(busy.id))).toEqual({ totalCount: 5, hasNextPage: true, comments: ["n5", "n4"], lastActivityAt: day(5).toISOString(), next: "n1" });
    expect(summary(byId.get(quiet.id))).toEqual({ totalCount: 1, hasNextPage: false, comments: ["q1"], lastActivityAt: day(7).toISOString(), next: null });
    expect(summary(byId.get(empty.id))).toEqual({ totalCount: 0, hasNextPage: false, comments: [], lastActivityAt: null, next: null });
    // The page's notes and summaries of all three accounts: one window statement.
    expect(statements.filter((sql) => /ROW_NUMBER\(\)/i.test(sql))).toHaveLength(1);
  });
});
