import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildUser, TEST_PASSWORD } from "../../../test/factories";
import { SessionEntity } from "./session.entity";
import { UserEntity } from "./user.entity";

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { id email name permissions } }`;
const ME = `query { me { id email permissions } }`;

describe.each(testDialects())("login, logout and me on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should return null from me when signed out", async () => {
    const res = await api.anonymous().gql<{ me: null }>(ME);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toBeNull();
  });

  it("should set an httpOnly SameSite=Lax cookie and return the viewer with permission keys", async () => {
    const user = await buildUser(api.db.dataSource, ["crm", "sdr", "kae"]);
    const client = api.anonymous();
    const res = await client.gql<{ login: { email: string; permissions: string[] } }>(LOGIN, { input: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.permissions.sort()).toEqual(["crm", "kae", "sdr"]);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^crm_session=[\w-]{20,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.gql<{ me: { email: string } }>(ME);
    expect(me.data?.me.email).toBe(user.email);
  });

  it("should store only a hash of the session token", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const client = await api.as(user);
    const token = client.sessionCookie?.split("=")[1] ?? "";
    const rows: Array<{ token_hash: string }> = await api.db.dataSource.query("SELECT token_hash FROM sessions");
    expect(token.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it.each([
    ["a wrong password", "wrong-password"],
    ["an empty-looking password", " "],
  ])("should refuse %s with UNAUTHENTICATED and no cookie", async (_label, password) => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const res = await api.anonymous().gql(LOGIN, { input: { email: user.email, password } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("should give an unknown email the same answer as a wrong password", async () => {
    const res = await api.anonymous().gql(LOGIN, { input: { email: "nobody@test.example", password: "whatever" } });
    expect(res.errors?.[0]).toMatchObject({ message: "Email or password is incorrect", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("should reject a malformed email with BAD_USER_INPUT naming the field", async () => {
    const res = await api.anonymous().gql(LOGIN, { input: { email: "not-an-email", password: "x" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.fields).toHaveProperty("email");
  });

  it("should end the session on logout", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const client = await api.as(user);
    const cookie = client.sessionCookie;
    const out = await client.gql<{ logout: boolean }>(`mutation { logout }`);
    expect(out.data?.logout).toBe(true);
    const replay = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie ?? "" },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await replay.json()) as { data: { me: unknown } }).data.me).toBeNull();
  });

  it("should not accept an expired session", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const client = await api.as(user);
    await api.db.dataSource.getRepository(SessionEntity).update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await client.gql<{ me: unknown }>(ME)).data?.me).toBeNull();
  });

  it("should stop a deactivated user's session at once", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const client = await api.as(user);
    await api.db.dataSource.getRepository(UserEntity).update(user.id, { active: false });
    const me = await client.gql<{ me: unknown }>(ME);
    expect(me.data?.me).toBeNull();
    const accounts = await client.gql(`{ accounts { totalCount } }`);
    expect(accounts.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
