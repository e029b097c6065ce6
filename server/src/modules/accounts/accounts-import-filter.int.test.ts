import { parse } from "csv-parse/sync";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { COMMIT, readReport, uploadAndValidate } from "../../../test/import-harness";
import { fromGlobalId, toGlobalId } from "../../graphql/global-id";
import type { UserEntity } from "../auth/user.entity";
import { ImportRowEntity } from "../imports/import.entities";
import { AccountEntity } from "./account.entity";

const ACCOUNTS = `query($filter: AccountFilter, $first: Int) {
  accounts(filter: $filter, first: $first) { totalCount edges { node { legacyId } } }
}`;
const BOARD = `query($filter: AccountFilter) { board(filter: $filter, first: 50) { totalCount columns { cards { edges { node { legacyId } } } } } }`;
const EXPORT = `mutation($input: ExportAccountsInput!) { exportAccounts(input: $input) { url } }`;

interface Answer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string> } }>;
}

/*
 * AccountFilter.importId: the accounts an import created (its rows' prospect_id), narrowing
 * what the viewer may see like every other filter, for the list, the board and the export.
 */
describe.each(testDialects())("AccountFilter.importId on %s", (dialect) => {
  let api: TestApi;
  let users: Record<"sdr" | "sdr2" | "manager", UserEntity>;
  let clients: Record<"sdr" | "sdr2" | "manager", ApiClient>;
  /** Import A: 3 created rows, 1 invalid, 1 duplicate of an existing account; import B: 2 created. */
  let importA: string;
  let importB: string;
  let createdA: number[];
  let createdB: number[];
  let existing: AccountEntity;
  /** The one account of import A reassigned to the SDR afterwards. */
  let sdrsOne: number;

  async function commit(id: string): Promise<void> {
    const res = await clients.manager.gql<{ commitImport: { status: string } }>(COMMIT, { input: { id } });
    expect(res.errors).toBeUndefined();
    await api.services.imports.runner.idle();
    expect((await readReport(clients.manager, id)).status).toBe("COMMITTED");
  }

  async function createdBy(id: string): Promise<number[]> {
    const rows = await api.db.dataSource.getRepository(ImportRowEntity).findBy({ importId: fromGlobalId(id).id, state: "created" });
    return rows.map((r) => r.prospectId!).sort((x, y) => x - y);
  }

  async function listed(who: keyof typeof clients, filter: Record<string, unknown>): Promise<{ totalCount: number; ids: number[] }> {
    const res = (await clients[who].gql(ACCOUNTS, { filter, first: 100 })) as Answer<{ accounts: { totalCount: number; edges: Array<{ node: { legacyId: number } }> } }>;
    expect(res.errors).toBeUndefined();
    return { totalCount: res.data!.accounts.totalCount, ids: res.data!.accounts.edges.map((e) => e.node.legacyId).sort((x, y) => x - y) };
  }

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ds = api.db.dataSource;
    users = { sdr: await buildUser(ds, ["crm", "sdr"]), sdr2: await buildUser(ds, ["crm", "sdr"]), manager: await buildUser(ds, ["crm", "crm-manager"]) };
    clients = { sdr: await api.as(users.sdr), sdr2: await api.as(users.sdr2), manager: await api.as(users.manager) };
    existing = await buildProspect(ds, users.manager, { name: "Ya Existe", companyName: "Existente S.A.", email: "ya@existe.mx" });
    await buildProspect(ds, users.sdr, { name: "Propia", companyName: "Propia del SDR" });
    importA = await uploadAndValidate(
      api,
      clients.manager,
      [
        "name,company_name,email,phone_code,phone",
        "Alma Ruiz,Ruiz Abarrotes,alma@ruiz.mx,52,5511110001",
        "Bruno Díaz,Díaz Ferretería,bruno@diaz.mx,52,5511110002",
        "Sin Empresa,,sin@empresa.mx,,",
        "Ya Existe Otra Vez,Otra Razón,ya@existe.mx,,",
        "Carla Soto,Soto Papelería,carla@soto.mx,52,5511110003",
      ].join("\n"),
      "a.csv",
    );
    importB = await uploadAndValidate(api, clients.manager, "name,company_name,email\nDora Paz,Paz Dulcería,dora@paz.mx\nEmilio Luna,Luna Textiles,emilio@luna.mx\n", "b.csv");
    await commit(importA);
    await commit(importB);
    createdA = await createdBy(importA);
    createdB = await createdBy(importB);
    sdrsOne = createdA[1]!;
    await ds.getRepository(AccountEntity).update({ id: sdrsOne }, { salesmanId: users.sdr.id });
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should return exactly the accounts the import created, not its invalid or duplicate rows' accounts nor other imports'", async () => {
    expect(createdA).toHaveLength(3);
    expect(createdB).toHaveLength(2);
    const rows = await api.db.dataSource.getRepository(ImportRowEntity).findBy({ importId: fromGlobalId(importA).id });
    expect(rows.map((r) => r.state).sort()).toEqual(["created", "created", "created", "duplicate", "invalid"]);
    expect(rows.find((r) => r.state === "duplicate")?.duplicateOfId).toBe(existing.id);

    expect(await listed("manager", { importId: importA })).toEqual({ totalCount: 3, ids: createdA });
    expect(await listed("manager", { importId: importB })).toEqual({ totalCount: 2, ids: createdB });
    // Other filters still narrow it: a search matching one account of A and one of B.
    expect(await listed("manager", { importId: importA, search: "Carla" })).toEqual({ totalCount: 1, ids: [createdA[2]!] });
    // An import that created nothing (or does not exist) matches nothing.
    expect(await listed("manager", { importId: toGlobalId("CsvImport", 999999) })).toEqual({ totalCount: 0, ids: [] });
  });

  it("should never widen visibility: users see only the import's accounts they could see anyway", async () => {
    expect(await listed("sdr", { importId: importA })).toEqual({ totalCount: 1, ids: [sdrsOne] });
    expect(await listed("sdr2", { importId: importA })).toEqual({ totalCount: 0, ids: [] });
    expect(await listed("sdr", { importId: importB })).toEqual({ totalCount: 0, ids: [] });
  });

  it("should filter the board the same way", async () => {
    const board = async (who: keyof typeof clients) => {
      const res = (await clients[who].gql(BOARD, { filter: { importId: importA } })) as Answer<{ board: { totalCount: number; columns: Array<{ cards: { edges: Array<{ node: { legacyId: number } }> } }> } }>;
      expect(res.errors).toBeUndefined();
      const ids = res.data!.board.columns.flatMap((c) => c.cards.edges.map((e) => e.node.legacyId)).sort((x, y) => x - y);
      return { totalCount: res.data!.board.totalCount, ids };
    };
    expect(await board("manager")).toEqual({ totalCount: 3, ids: createdA });
    expect(await board("sdr")).toEqual({ totalCount: 1, ids: [sdrsOne] });
  });

  it("should export only the import's accounts", async () => {
    const res = (await clients.manager.gql(EXPORT, { input: { filter: { importId: importA }, columns: ["name", "companyName"] } })) as Answer<{ exportAccounts: { url: string } }>;
    expect(res.errors).toBeUndefined();
    const response = await fetch(`${api.url}${res.data!.exportAccounts.url}`);
    expect(response.status).toBe(200);
    const records = parse(Buffer.from(await response.arrayBuffer()).toString("utf8"), { bom: true }) as string[][];
    expect(records.slice(1).map((r) => r[1]).sort()).toEqual(["Díaz Ferretería", "Ruiz Abarrotes", "Soto Papelería"]);
  });

  it.each([
    ["a malformed id", "not-an-id"],
    ["an Account id", toGlobalId("Account", 1)],
  ])("should answer BAD_USER_INPUT naming filter.importId for %s, in the list, the board and the export", async (_, importId) => {
    const answers = [
      (await clients.manager.gql(ACCOUNTS, { filter: { importId } })) as Answer<unknown>,
      (await clients.manager.gql(BOARD, { filter: { importId } })) as Answer<unknown>,
      (await clients.manager.gql(EXPORT, { input: { filter: { importId } } })) as Answer<unknown>,
    ];
    for (const res of answers) {
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toEqual(["filter.importId"]);
    }
  });
});
