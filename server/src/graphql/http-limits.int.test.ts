import { startTestApi, type TestApi } from "../../test/api";
import { testDialects } from "../../test/databases";
import { buildUser } from "../../test/factories";

const INTROSPECTION = `{ __schema { queryType { name } } }`;

async function post(api: TestApi, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  const res = await fetch(`${api.url}/graphql`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

describe.each(testDialects())("HTTP abuse limits on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should refuse a too-deep query before running it", async () => {
    const deep = `{ catalogs { statusGroups { statuses { group { statuses { group { statuses { group { statuses { group { statuses { group { statuses { id } } } } } } } } } } } } } }`;
    const res = await api.anonymous().gql(deep);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/depth limit/);
  });

  it("should refuse batched requests", async () => {
    const res = await post(api, [{ query: "{ me { id } }" }, { query: "{ me { id } }" }]);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/batching/i);
  });

  it("should refuse cookie-carrying simple requests (CSRF prevention)", async () => {
    const simple = await post(api, JSON.stringify({ query: "{ me { id } }" }), { "content-type": "text/plain" });
    expect(simple.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
  });

  it("should cap page sizes at 100", async () => {
    const client = await api.as(await buildUser(api.db.dataSource, ["crm", "admin"]));
    for (const query of [`{ accounts(first: 101) { totalCount } }`, `{ users(first: 101) { totalCount } }`]) {
      const res = await client.gql(query);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.fields).toHaveProperty("first");
    }
  });

  it("should mark every GraphQL response uncacheable (no-store)", async () => {
    const ok = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const refused = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ nope }" }) });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("should allow introspection to anonymous callers outside production", async () => {
    const res = await api.anonymous().gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
    expect(res.data?.__schema.queryType.name).toBe("Query");
  });
});

describe.each(testDialects())("production mode on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { NODE_ENV: "production", SESSION_SECRET: "production-secret-for-tests-only", DEMO_DATA: "false" });
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should refuse introspection to anonymous callers", async () => {
    for (const query of [INTROSPECTION, `{ __type(name: "Account") { name } }`]) {
      const res = await api.anonymous().gql(query);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.data ?? null).toBeNull();
    }
  });

  it("should allow introspection to signed-in users", async () => {
    const client = await api.as(await buildUser(api.db.dataSource, ["crm"]));
    const res = await client.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe("Query");
  });

  it("should send no stack traces and no field suggestions", async () => {
    const forbidden = await api.anonymous().gql(`{ accounts { totalCount } }`);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(forbidden)).not.toMatch(/stacktrace|at .*\.ts/);
    const typo = await api.anonymous().gql(`{ acounts { totalCount } }`);
    expect(typo.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean|stacktrace/);
  });

  it("should mark the session cookie Secure, HttpOnly and SameSite", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const res = await api.anonymous().gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { email: user.email, password: "secret-password" } });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
