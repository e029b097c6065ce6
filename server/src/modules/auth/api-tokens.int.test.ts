import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildApiToken, buildUser } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { ApiTokenEntity } from "./api-token.entity";
import { UserEntity } from "./user.entity";

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name scopes expiresAt lastUsedAt user { id } } } }`;
const LIST = `query($userId: ID) { apiTokens(userId: $userId) { id name lastUsedAt revokedAt user { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { id revokedAt } }`;
const ME = `{ me { id } }`;

interface Created {
  createApiToken: { secret: string; token: { id: string; name: string; scopes: string[]; lastUsedAt: string | null; user: { id: string } } };
}

describe.each(testDialects())("API tokens on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("should return the secret once and store only its hash", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const client = await api.as(user);
    const res = await client.gql<Created>(CREATE, { input: { name: " Zapier ", scopes: ["READ"] } });
    expect(res.errors).toBeUndefined();
    const { secret, token } = res.data!.createApiToken;
    expect(secret).toMatch(/^crm_[\w-]{40,}$/);
    expect(token).toMatchObject({ name: "Zapier", scopes: ["READ"], lastUsedAt: null, user: { id: toGlobalId("User", user.id) } });
    const rows = await api.db.dataSource.getRepository(ApiTokenEntity).findBy({ userId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const listed = await client.gql(`{ apiTokens { id } }`);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it("should act as the token's user and record the last use", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { token, secret } = await buildApiToken(api.db.dataSource, user, { scopes: ["read"] });
    const me = await api.withToken(secret).gql<{ me: { id: string } }>(ME);
    expect(me.data?.me.id).toBe(toGlobalId("User", user.id));
    const accounts = await api.withToken(secret).gql(`{ accounts { totalCount } }`);
    expect(accounts.errors).toBeUndefined();
    const row = await api.db.dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ id: token.id });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("should write the last use at most once a minute, not on every request", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { token, secret } = await buildApiToken(api.db.dataSource, user, { scopes: ["read"] });
    const client = api.withToken(secret);
    const writes = async () => (await api.counter.count(() => client.gql(ME))).statements.filter((sql) => /^UPDATE\b.*\bapi_tokens\b/is.test(sql)).length;
    expect(await writes()).toBe(1);
    expect(await writes()).toBe(0);
    const repo = api.db.dataSource.getRepository(ApiTokenEntity);
    const stale = new Date(Date.now() - 2 * 60_000);
    await repo.update(token.id, { lastUsedAt: stale });
    expect(await writes()).toBe(1);
    // Moved on from the stale time (no bound on how long the request took).
    const row = await repo.findOneByOrFail({ id: token.id });
    expect(row.lastUsedAt?.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
  });

  it("should refuse every mutation to a read-only token", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { token, secret } = await buildApiToken(api.db.dataSource, user, { scopes: ["read"] });
    const res = await api.withToken(secret).gql(REVOKE, { id: toGlobalId("ApiToken", token.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.errors?.[0]?.message).toMatch(/read-only/);
    expect((await api.db.dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ id: token.id })).revokedAt).toBeNull();
  });

  it("should stop a revoked token with the very next request", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { token, secret } = await buildApiToken(api.db.dataSource, user);
    const client = api.withToken(secret);
    expect((await client.gql(ME)).errors).toBeUndefined();
    const revoked = await client.gql<{ revokeApiToken: { revokedAt: string } }>(REVOKE, { id: toGlobalId("ApiToken", token.id) });
    expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
    const after = await client.gql(ME);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
    ["revoked", { revokedAt: new Date() }],
  ])("should answer UNAUTHENTICATED to an %s token", async (_label, overrides) => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { secret } = await buildApiToken(api.db.dataSource, user, overrides);
    const res = await api.withToken(secret).gql(ME);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data ?? null).toBeNull();
  });

  it("should stop a deactivated user's tokens at once", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { secret } = await buildApiToken(api.db.dataSource, user);
    expect((await api.withToken(secret).gql(ME)).errors).toBeUndefined();
    await api.db.dataSource.getRepository(UserEntity).update(user.id, { active: false });
    expect((await api.withToken(secret).gql(ME)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("should never give a token more than its user: ADMIN scope needs the admin permission", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const res = await (await api.as(user)).gql(CREATE, { input: { name: "x", scopes: ["READ", "ADMIN"] } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("should drop the admin permission from an admin's token without the ADMIN scope", async () => {
    const admin = await buildUser(api.db.dataSource, ["crm", "admin"]);
    const other = await buildUser(api.db.dataSource, ["crm"]);
    const narrow = await buildApiToken(api.db.dataSource, admin, { scopes: ["read"] });
    const wide = await buildApiToken(api.db.dataSource, admin, { scopes: ["read", "admin"] });
    const variables = { userId: toGlobalId("User", other.id) };
    expect((await api.withToken(narrow.secret).gql(LIST, variables)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.withToken(wide.secret).gql(LIST, variables)).errors).toBeUndefined();
  });

  it("should not let a token create tokens", async () => {
    const user = await buildUser(api.db.dataSource, ["crm"]);
    const { secret } = await buildApiToken(api.db.dataSource, user, { scopes: ["read", "write"] });
    const res = await api.withToken(secret).gql(CREATE, { input: { name: "x", scopes: ["READ"] } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("should list own tokens; admins everyone's or one user's; others' tokens are FORBIDDEN or NOT_FOUND", async () => {
    const [alice, bob, admin] = [await buildUser(api.db.dataSource, ["crm"]), await buildUser(api.db.dataSource, ["crm"]), await buildUser(api.db.dataSource, ["admin"])];
    const aliceToken = await buildApiToken(api.db.dataSource, alice);
    const bobToken = await buildApiToken(api.db.dataSource, bob);
    const asAlice = await api.as(alice);
    const own = await asAlice.gql<{ apiTokens: Array<{ id: string }> }>(LIST);
    expect(own.data?.apiTokens.map((t) => t.id)).toEqual([toGlobalId("ApiToken", aliceToken.token.id)]);
    expect((await asAlice.gql(LIST, { userId: toGlobalId("User", bob.id) })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const revoke = await asAlice.gql(REVOKE, { id: toGlobalId("ApiToken", bobToken.token.id) });
    expect(revoke.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const asAdmin = await api.as(admin);
    const all = await asAdmin.gql<{ apiTokens: Array<{ id: string }> }>(LIST);
    expect(all.data?.apiTokens.map((t) => t.id)).toEqual(expect.arrayContaining([aliceToken, bobToken].map((t) => toGlobalId("ApiToken", t.token.id))));
    const bobs = await asAdmin.gql<{ apiTokens: Array<{ id: string }> }>(LIST, { userId: toGlobalId("User", bob.id) });
    expect(bobs.data?.apiTokens.map((t) => t.id)).toEqual([toGlobalId("ApiToken", bobToken.token.id)]);
    expect((await asAdmin.gql(REVOKE, { id: toGlobalId("ApiToken", bobToken.token.id) })).errors).toBeUndefined();
  });

  it("should reject a past expiry and an empty scope list with BAD_USER_INPUT", async () => {
    const client = await api.as(await buildUser(api.db.dataSource, ["crm"]));
    const past = await client.gql(CREATE, { input: { name: "x", scopes: ["READ"], expiresAt: "2001-01-01T00:00:00Z" } });
    expect(past.errors?.[0]?.extensions?.fields).toHaveProperty("expiresAt");
    const none = await client.gql(CREATE, { input: { name: "x", scopes: [] } });
    expect(none.errors?.[0]?.extensions?.fields).toHaveProperty("scopes");
  });
});
