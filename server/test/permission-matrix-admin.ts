import { toGlobalId } from "../src/graphql/global-id";
import { OutboxEntity } from "../src/jobs/outbox.entity";
import { buildApiToken, buildUser } from "./factories";
import type { MatrixFixture, MatrixRow } from "./permission-matrix";

/** Matrix rows of the token and admin fields (issue 4), spread into `matrix`. */
export const adminMatrix: MatrixRow[] = [
  { field: "Query.apiTokens", needs: [], operation: `{ apiTokens { id name lastUsedAt } }` },
  {
    field: "Query.apiTokens",
    label: "of another user",
    needs: ["admin"],
    operation: `query($userId: ID) { apiTokens(userId: $userId) { id } }`,
    variables: async ({ ds }) => ({ userId: toGlobalId("User", (await buildUser(ds, [])).id) }),
  },
  {
    field: "Mutation.createApiToken",
    needs: [],
    operation: `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
    variables: () => ({ input: { name: "Integration", scopes: ["READ"] } }),
  },
  {
    field: "Mutation.revokeApiToken",
    needs: [],
    operation: `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { id revokedAt } }`,
    variables: async ({ ds, user }) => ({ input: { id: toGlobalId("ApiToken", (await buildApiToken(ds, user)).token.id) } }),
  },
  { field: "Query.users", needs: ["admin"], operation: `{ users(filter: { search: "a" }) { totalCount edges { node { id email role permissions } } } }` },
  { field: "Query.permissionCatalog", needs: ["admin"], operation: `{ permissionCatalog { key kind } }` },
  {
    field: "User.role",
    label: "of another user",
    needs: ["crm", "all-prospects"],
    operation: `query($id: ID!) { node(id: $id) { ... on User { role } } }`,
    variables: async ({ ds }) => ({ id: toGlobalId("User", (await buildUser(ds, ["crm", "sdr"])).id) }),
  },
  {
    field: "Mutation.createUser",
    needs: ["admin"],
    operation: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: () => ({ input: { email: `new-${Math.random().toString(36).slice(2)}@test.example`, name: "Nuevo", password: "long-enough-password", role: "SDR", permissions: ["crm"] } }),
  },
  { field: "Query.failedJobs", needs: ["admin"], operation: `{ failedJobs(first: 5) { totalCount edges { node { id status attempts lastError prospect { id } } } } }` },
  {
    field: "Mutation.retryJob",
    needs: ["admin"],
    operation: `mutation($input: RetryJobInput!) { retryJob(input: $input) { id status attempts } }`,
    variables: async ({ ds, account }) => {
      const jobId = `respondio_add_prospect:matrix-${Math.random().toString(36).slice(2)}`;
      const row = await ds.getRepository(OutboxEntity).save({ queue: "respondio", jobName: "respondio_add_prospect", jobId, payload: { prospectId: account.id }, status: "failed", attempts: 3, availableAt: new Date() });
      return { input: { jobId: toGlobalId("BackgroundJob", row.id) } };
    },
  },
  { field: "Mutation.retryFailedJobs", needs: ["admin"], operation: `mutation { retryFailedJobs { count } }` },
  ...(["setUserPermissions", "deactivateUser", "reactivateUser", "resetUserPassword"] as const).map((name) => ({
    field: `Mutation.${name}`,
    needs: ["admin"],
    operation: `mutation($input: ${name === "setUserPermissions" ? "SetUserPermissionsInput" : name === "resetUserPassword" ? "ResetUserPasswordInput" : "UserIdInput"}!) { ${name}(input: $input) { id } }`,
    variables: async ({ ds }: MatrixFixture) => {
      const userId = toGlobalId("User", (await buildUser(ds, ["crm"])).id);
      const extra = name === "setUserPermissions" ? { permissions: ["crm"], role: "MDR" } : name === "resetUserPassword" ? { password: "another-long-password" } : {};
      return { input: { userId, ...extra } };
    },
  })),
];
