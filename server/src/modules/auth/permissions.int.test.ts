import type { DataSource } from "typeorm";
import { startTestApi, type ApiClient, type GraphQLResponse, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildApiToken, buildCompany, buildProspect, buildUser } from "../../../test/factories";
import { matrix, rowName, type MatrixRow } from "../../../test/permission-matrix";
import { subscriptionOutcome } from "../../../test/subscriptions";
import { toGlobalId } from "../../graphql/global-id";
import { AccountTypeCode, type AccountEntity } from "../accounts/account.entity";
import { accountFieldRules, mutationRules, objectFieldRules, queryRules, subscriptionRules } from "./permissions";
import type { UserEntity } from "./user.entity";

const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);
const refused = (res: GraphQLResponse) => codes(res).filter((c) => c === "FORBIDDEN" || c === "UNAUTHENTICATED");

async function accountFor(ds: DataSource, user: UserEntity, row: MatrixRow): Promise<AccountEntity> {
  if (row.accountType === "partner") {
    return buildProspect(ds, user, { type: AccountTypeCode.partnerProspect });
  }
  if (row.accountType === "client") {
    const company = await buildCompany(ds, { assignedExecutiveId: user.id });
    return buildProspect(ds, user, { type: AccountTypeCode.client, companyId: company.id });
  }
  return buildProspect(ds, user);
}

async function variablesFor(ds: DataSource, user: UserEntity, row: MatrixRow): Promise<Record<string, unknown>> {
  const account = await accountFor(ds, user, row);
  return (await row.variables?.({ ds, user, account, accountId: toGlobalId("Account", account.id) })) ?? {};
}

describe("permission matrix table", () => {
  it("should have at least one matrix row for every row of permissions.ts", () => {
    const rows = new Set(matrix.map((r) => r.field));
    const expected = [
      ...Object.keys(queryRules).map((f) => `Query.${f}`),
      ...Object.keys(mutationRules).map((f) => `Mutation.${f}`),
      ...Object.keys(subscriptionRules).map((f) => `Subscription.${f}`),
      ...Object.keys(accountFieldRules).map((f) => `Account.${f}`),
      ...Object.entries(objectFieldRules).flatMap(([type, fields]) => Object.keys(fields).map((f) => `${type}.${f}`)),
    ];
    expect(expected.filter((field) => !rows.has(field))).toEqual([]);
  });
});

describe.each(testDialects())("permission matrix on %s", (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A row as `client` sends it: Subscription rows over graphql-ws (its session cookie), the others as HTTP POST. */
  const send = (client: ApiClient, row: MatrixRow, variables: Record<string, unknown>): Promise<GraphQLResponse> =>
    row.field.startsWith("Subscription.") ? subscriptionOutcome(api, { cookie: client.sessionCookie }, row.operation) : client.gql(row.operation, variables);

  const signedIn = async (permissions: string[]): Promise<{ user: UserEntity; client: ApiClient }> => {
    const user = await buildUser(api.db.dataSource, permissions);
    return { user, client: await api.as(user) };
  };

  it.each(matrix.map((row) => [rowName(row), row] as const))("%s: should not refuse a user with exactly the needed permissions", async (_name, row) => {
    const { user, client } = await signedIn(row.needs);
    const res = await send(client, row, await variablesFor(api.db.dataSource, user, row));
    expect(refused(res)).toEqual([]);
    expect(res.status).toBe(200);
  });

  it.each(matrix.filter((row) => row.needs.length > 0).flatMap((row) => row.needs.map((missing) => [rowName(row), missing, row] as const)))(
    "%s: should be FORBIDDEN without %s",
    async (_name, missing, row) => {
      const { user, client } = await signedIn(row.needs.filter((key) => key !== missing));
      const res = await send(client, row, await variablesFor(api.db.dataSource, user, row));
      expect(codes(res)).toContain("FORBIDDEN");
    },
  );

  it.each(matrix.map((row) => [rowName(row), row] as const))("%s: signed-out callers", async (_name, row) => {
    const owner = await buildUser(api.db.dataSource, row.needs);
    const res = await send(api.anonymous(), row, await variablesFor(api.db.dataSource, owner, row));
    if (row.anonymous === "allowed") {
      expect(refused(res)).toEqual([]);
    } else {
      expect(codes(res)).toContain("UNAUTHENTICATED");
      expect(codes(res)).not.toContain("FORBIDDEN");
    }
  });

  it.each(matrix.filter((row) => row.field.startsWith("Mutation.")).map((row) => [rowName(row), row] as const))(
    "%s: should be FORBIDDEN to a read-only token of a user who may use it",
    async (_name, row) => {
      const user = await buildUser(api.db.dataSource, row.needs);
      const { secret } = await buildApiToken(api.db.dataSource, user, { scopes: ["read"] });
      const res = await api.withToken(secret).gql(row.operation, await variablesFor(api.db.dataSource, user, row));
      expect(codes(res)).toContain("FORBIDDEN");
    },
  );

  it("should name the forbidden filters in the message", async () => {
    const { client } = await signedIn(["crm"]);
    const res = await client.gql(`query($f: AccountFilter) { accounts(filter: $f) { totalCount } }`, { f: { salesRoles: ["KAE"], createdAt: { to: "2030-01-01T00:00:00Z" } } });
    expect(res.errors?.[0]?.message).toBe("The salesRoles, createdAt filters need the all-prospects permission");
    expect(res.data).toBeNull();
  });
});
