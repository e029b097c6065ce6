import { readStack } from "./e2eEnv";
import { demoPassword, demoUsers, type DemoUser } from "./session";

interface GraphQLBody<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

/**
 * A signed-in GraphQL caller for arranging data and for oracles computed independently of the
 * screen (e.g. which accounts an SDR owns, read as the manager).
 */
export class E2eApi {
  private constructor(
    private readonly cookie: string,
    private readonly baseUrl: string,
  ) {}

  /** Signs in as `user` on the run's API, or on another API process (`baseUrl`, e.g. one of the realtime test's two). */
  static async as(user: DemoUser, baseUrl = readStack().baseUrl): Promise<E2eApi> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({
        query: "mutation E2eLogin($input: LoginInput!) { login(input: $input) { id } }",
        variables: { input: { email: demoUsers[user], password: demoPassword } },
      }),
    });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!response.ok || !cookie) {
      throw new Error(`API sign-in as ${user} failed: HTTP ${response.status} ${await response.text()}`);
    }
    return new E2eApi(cookie, baseUrl);
  }

  /** Runs an operation and returns its data; any GraphQL error fails the test with its code. */
  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      // A fresh connection per call: between a suite's calls the browser works for longer than the
      // API's 5 s keep-alive, and a reused socket the server is closing fails as "other side closed".
      headers: { "content-type": "application/json", connection: "close", cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLBody<T>;
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  }
}

export interface AccountSummary {
  readonly id: string;
  readonly name: string;
  readonly companyName: string;
  readonly type: string;
  readonly createdBy: { readonly email: string };
  readonly salesman: { readonly email: string } | null;
}

interface AccountsPage {
  readonly accounts: {
    readonly edges: ReadonlyArray<{ readonly node: AccountSummary }>;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Every account the caller can see (all pages), with who created and who is assigned to it. */
export async function allAccounts(api: E2eApi, filter: Record<string, unknown> = {}): Promise<AccountSummary[]> {
  const query = `query E2eAccounts($after: String, $filter: AccountFilter) {
    accounts(first: 100, after: $after, filter: $filter) {
      edges { node { id name companyName type createdBy { email } salesman { email } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const result: AccountSummary[] = [];
  let after: string | null = null;
  do {
    const page: AccountsPage = await api.gql<AccountsPage>(query, { after, filter });
    result.push(...page.accounts.edges.map((edge) => edge.node));
    after = page.accounts.pageInfo.hasNextPage ? page.accounts.pageInfo.endCursor : null;
  } while (after !== null);
  return result;
}
