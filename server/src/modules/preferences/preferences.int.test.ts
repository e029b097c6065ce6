import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildUser } from "../../../test/factories";
import { ACCOUNT_COLUMNS, DEFAULT_VISIBLE } from "./table-columns";
import { TablePreferenceEntity } from "./table-preference.entity";

const GET = `query($view: TableView!) { tablePreferences(view: $view) { view columns { key visible width } filters sort { key direction } availableColumns sortableColumns updatedAt } }`;
const SAVE = `mutation($input: SaveTablePreferencesInput!) { saveTablePreferences(input: $input) { view columns { key visible width } filters sort { key direction } updatedAt } }`;

interface Prefs {
  view: string;
  columns: Array<{ key: string; visible: boolean; width: number | null }>;
  filters: Record<string, unknown>;
  sort: { key: string; direction: string } | null;
  availableColumns: string[];
  updatedAt: string | null;
}

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

describe.each(testDialects())("table preferences on %s", (dialect) => {
  let api: TestApi;
  let me: ApiClient;
  let other: ApiClient;
  const rows = () => api.db.dataSource.getRepository(TablePreferenceEntity);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    me = await api.as(await buildUser(api.db.dataSource, ["crm", "sdr"]));
    other = await api.as(await buildUser(api.db.dataSource, ["crm", "sdr"]));
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should answer the view's defaults before anything is saved", async () => {
    const res = await me.gql<{ tablePreferences: Prefs }>(GET, { view: "KANBAN" });
    expect(res.errors).toBeUndefined();
    const prefs = res.data!.tablePreferences;
    expect(prefs).toMatchObject({ view: "KANBAN", filters: {}, sort: { key: "createdAt", direction: "DESC" }, updatedAt: null });
    expect(prefs.availableColumns).toEqual([...ACCOUNT_COLUMNS]);
    expect(prefs.columns.filter((c) => c.visible).map((c) => c.key)).toEqual([...DEFAULT_VISIBLE.kanban]);
    expect(prefs.columns).toHaveLength(ACCOUNT_COLUMNS.length);
  });

  it("should save per user and view, replace on a second save and append unsaved columns hidden", async () => {
    const input = {
      view: "LIST",
      columns: [
        { key: "companyName", visible: true, width: 240 },
        { key: "name", visible: false },
      ],
      filters: { statusIds: [3, 4], search: "abarrotes" },
      sort: { key: "name", direction: "ASC" },
    };
    const saved = await me.gql<{ saveTablePreferences: Prefs }>(SAVE, { input });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveTablePreferences.columns.slice(0, 2)).toEqual([
      { key: "companyName", visible: true, width: 240 },
      { key: "name", visible: false, width: null },
    ]);
    expect(saved.data?.saveTablePreferences.columns.slice(2).every((c) => !c.visible)).toBe(true);
    const again = await me.gql<{ saveTablePreferences: Prefs }>(SAVE, { input: { ...input, columns: [{ key: "email", visible: true }], sort: null } });
    expect(again.data?.saveTablePreferences).toMatchObject({ sort: null, filters: { statusIds: [3, 4], search: "abarrotes" } });
    const read = await me.gql<{ tablePreferences: Prefs }>(GET, { view: "LIST" });
    expect(read.data?.tablePreferences.columns[0]).toEqual({ key: "email", visible: true, width: null });
    expect(read.data?.tablePreferences.updatedAt).not.toBeNull();
    expect(await rows().countBy({ view: "list" })).toBe(1);
    const theirs = await other.gql<{ tablePreferences: Prefs }>(GET, { view: "LIST" });
    expect(theirs.data?.tablePreferences.updatedAt).toBeNull();
    const calendar = await me.gql<{ tablePreferences: Prefs }>(GET, { view: "CALENDAR" });
    expect(calendar.data?.tablePreferences.updatedAt).toBeNull();
  });

  it.each([
    [{ columns: [{ key: "shoeSize", visible: true }] }, { "columns[0].key": '"shoeSize" is not a known column' }],
    [{ columns: [{ key: "name", visible: true }, { key: "name", visible: false }] }, { "columns[1].key": '"name" appears more than once' }],
    [{ columns: [{ key: "name", visible: true, width: 5 }] }, { "columns[0].width": "must be between 40 and 1000" }],
    [{ filters: { dropTables: true } }, { filters: expect.stringContaining("unknown filter dropTables") }],
    [{ sort: { key: "email", direction: "ASC" } }, { "sort.key": "must be one of createdAt, updatedAt, name, companyName" }],
  ])("should reject bad preferences %# and write nothing", async (bad, fields) => {
    const before = await rows().count();
    const res = await other.gql(SAVE, { input: { view: "KANBAN", columns: [{ key: "name", visible: true }], ...bad } });
    expect(code(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.fields).toEqual(fields);
    expect(await rows().count()).toBe(before);
  });

  it("should refuse anonymous callers and users without crm", async () => {
    expect(code(await api.anonymous().gql(GET, { view: "LIST" }))).toBe("UNAUTHENTICATED");
    const noCrm = await api.as(await buildUser(api.db.dataSource, []));
    expect(code(await noCrm.gql(SAVE, { input: { view: "LIST", columns: [] } }))).toBe("FORBIDDEN");
  });
});
