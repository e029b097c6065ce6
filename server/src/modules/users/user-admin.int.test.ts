import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildApiToken, buildUser, TEST_PASSWORD } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { ApiTokenEntity } from "../auth/api-token.entity";

const USERS = `query($filter: UserFilter, $first: Int, $after: String) { users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id email name active role permissions } } } }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email active role permissions } }`;
const SET = `mutation($input: SetUserPermissionsInput!) { setUserPermissions(input: $input) { id role permissions } }`;
const DEACTIVATE = `mutation($input: UserIdInput!) { deactivateUser(input: $input) { id active } }`;
const REACTIVATE = `mutation($input: UserIdInput!) { reactivateUser(input: $input) { id active } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id } }`;

describe.each(testDialects())("admin console on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  const admin = async () => api.as(await buildUser(api.db.dataSource, ["admin"]));

  it("should refuse every admin field to a CRM manager (wrong user)", async () => {
    const manager = await api.as(await buildUser(api.db.dataSource, ["crm", "crm-manager", "all-prospects"]));
    const other = await buildUser(api.db.dataSource, ["crm"]);
    for (const [op, input] of [
      [CREATE, { email: "x@test.example", name: "X", password: "long-enough-password", permissions: [] }],
      [SET, { userId: toGlobalId("User", other.id), permissions: ["admin"] }],
      [DEACTIVATE, { userId: toGlobalId("User", other.id) }],
      [RESET, { userId: toGlobalId("User", other.id), password: "long-enough-password" }],
    ] as const) {
      const res = await manager.gql(op, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.data).toBeNull();
    }
    expect((await manager.gql(USERS)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("should create a user who can sign in with the role and keys given", async () => {
    const client = await admin();
    const email = `Nuevo.${Date.now()}@Test.example`;
    const res = await client.gql<{ createUser: { id: string; email: string; role: string; permissions: string[] } }>(CREATE, {
      input: { email, name: "Nuevo Vendedor", password: "long-enough-password", role: "MDR", permissions: ["crm", "kae"] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createUser).toMatchObject({ email: email.toLowerCase(), role: "MDR" });
    expect(res.data?.createUser.permissions.sort()).toEqual(["crm", "kae", "mdr"]);
    expect((await api.anonymous().gql(LOGIN, { input: { email, password: "long-enough-password" } })).errors).toBeUndefined();
    const again = await client.gql(CREATE, { input: { email, name: "Otro", password: "long-enough-password", permissions: [] } });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("should let exactly one of two simultaneous creations of one email win; the other is CONFLICT", async () => {
    const client = await admin();
    const input = { email: `race.${Date.now()}@test.example`, name: "Carrera", password: "long-enough-password", permissions: ["crm"] };
    const results = await Promise.all([client.gql(CREATE, { input }), client.gql(CREATE, { input })]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const rows = await api.db.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE email = ?", [input.email]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it("should reject unknown keys, roles in permissions and short passwords with BAD_USER_INPUT", async () => {
    const client = await admin();
    const bad = await client.gql(CREATE, { input: { email: "a@test.example", name: "A", password: "long-enough-password", permissions: ["crm", "root"] } });
    expect(bad.errors?.[0]?.extensions?.fields).toHaveProperty("permissions");
    const role = await client.gql(CREATE, { input: { email: "b@test.example", name: "B", password: "long-enough-password", permissions: ["sdr"] } });
    expect(role.errors?.[0]?.extensions?.fields).toHaveProperty("permissions");
    const short = await client.gql(CREATE, { input: { email: "c@test.example", name: "C", password: "short", permissions: [] } });
    expect(short.errors?.[0]?.extensions?.fields).toHaveProperty("password");
  });

  it("should search users by name or email prefix and page through them", async () => {
    const client = await admin();
    const stamp = `zz${Date.now()}`;
    for (let i = 0; i < 3; i += 1) {
      await buildUser(api.db.dataSource, ["crm"], { name: `${stamp} ${i}`, email: `${stamp}-${i}@test.example` });
    }
    const first = await client.gql<{ users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { name: string } }> } }>(USERS, { filter: { search: stamp }, first: 2 });
    expect(first.data?.users.totalCount).toBe(3);
    expect(first.data?.users.edges.map((e) => e.node.name)).toEqual([`${stamp} 0`, `${stamp} 1`]);
    const second = await client.gql<{ users: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { name: string } }> } }>(USERS, { filter: { search: stamp }, first: 2, after: first.data?.users.pageInfo.endCursor });
    expect(second.data?.users.edges.map((e) => e.node.name)).toEqual([`${stamp} 2`]);
    expect(second.data?.users.pageInfo.hasNextPage).toBe(false);
  });

  it("should replace role and keys, and the user's next request sees them", async () => {
    const client = await admin();
    const user = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    const asUser = await api.as(user);
    expect((await asUser.gql(`{ accounts(filter: { salesRoles: [KAE] }) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const res = await client.gql<{ setUserPermissions: { role: string; permissions: string[] } }>(SET, { input: { userId: toGlobalId("User", user.id), role: "MDR", permissions: ["crm", "all-prospects"] } });
    expect(res.data?.setUserPermissions.role).toBe("MDR");
    expect(res.data?.setUserPermissions.permissions.sort()).toEqual(["all-prospects", "crm", "mdr"]);
    expect((await asUser.gql(`{ accounts(filter: { salesRoles: [KAE] }) { totalCount } }`)).errors).toBeUndefined();
  });

  it("should stop a deactivated user's session and tokens at once, and let them back in on reactivation", async () => {
    const client = await admin();
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const session = await api.as(user);
    const { secret } = await buildApiToken(api.db.dataSource, user);
    const res = await client.gql<{ deactivateUser: { active: boolean } }>(DEACTIVATE, { input: { userId: toGlobalId("User", user.id) } });
    expect(res.data?.deactivateUser.active).toBe(false);
    expect((await session.gql(`{ accounts { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.withToken(secret).gql(`{ me { id } }`)).status).toBe(401);
    expect((await api.anonymous().gql(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.db.dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ userId: user.id })).revokedAt).not.toBeNull();
    await client.gql(REACTIVATE, { input: { userId: toGlobalId("User", user.id) } });
    expect((await api.anonymous().gql(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).errors).toBeUndefined();
  });

  it("should reset a password and end the user's sessions", async () => {
    const client = await admin();
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const session = await api.as(user);
    expect((await client.gql(RESET, { input: { userId: toGlobalId("User", user.id), password: "brand-new-password" } })).errors).toBeUndefined();
    expect((await session.gql(`{ me { id } }`)).data?.me).toBeNull();
    expect((await api.anonymous().gql(LOGIN, { input: { email: user.email, password: "brand-new-password" } })).errors).toBeUndefined();
  });

  it("should not let an admin lock themselves out", async () => {
    const me = await buildUser(api.db.dataSource, ["admin"]);
    const client = await api.as(me);
    const off = await client.gql(DEACTIVATE, { input: { userId: toGlobalId("User", me.id) } });
    expect(off.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const drop = await client.gql(SET, { input: { userId: toGlobalId("User", me.id), permissions: ["crm"] } });
    expect(drop.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should answer NOT_FOUND for an unknown user", async () => {
    const res = await (await admin()).gql(DEACTIVATE, { input: { userId: toGlobalId("User", 999999) } });
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
