import type { BenchApi } from "./bench-suite";
import type { BoardFilter } from "./web-render";

/**
 * The full board's filter: one a manager would use (salesmen, then their newest accounts) that
 * matches about `target` accounts of the seeded volume, found by asking the API for counts.
 */

interface SalesmanCount {
  id: string;
  name: string;
  accounts: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The created-from search looks back at most this far (the volume seed spans 180 days). */
const MAX_DAYS_BACK = 3_650;

async function graphql<T>(api: BenchApi, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) {
    throw new Error(`GraphQL ${response.status}: ${body.errors?.map((error) => error.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}

async function boardTotal(api: BenchApi, filter: Record<string, unknown>): Promise<number> {
  const data = await graphql<{ board: { totalCount: number } }>(api, "query BenchBoardTotal($filter: AccountFilter) { board(filter: $filter, first: 1) { totalCount } }", { filter });
  return data.board.totalCount;
}

/** YYYY-MM-DD of `daysBack` days before today (UTC: the browser runs with timezoneId UTC). */
function utcDay(today: Date, daysBack: number): string {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - daysBack * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Salesmen whose accounts together come closest to `target` without passing it by more than a
 * tenth (largest first, greedily). When every salesman alone holds more than that (the full
 * volume), the smallest such salesman's accounts created from the day that brings the count
 * nearest to `target` (the `from` parameter of the filter bar, read in UTC).
 */
export async function fullBoardFilter(api: BenchApi, target: number): Promise<{ filter: BoardFilter; withSalesman: number; expected: number }> {
  const { salesmen } = await graphql<{ salesmen: { id: string; name: string }[] }>(api, "query BenchSalesmen { salesmen { id name } }");
  const counts: SalesmanCount[] = [];
  for (const salesman of salesmen) {
    counts.push({ ...salesman, accounts: await boardTotal(api, { salesmanIds: [salesman.id] }) });
  }
  counts.sort((a, b) => b.accounts - a.accounts);
  const withSalesman = counts.reduce((total, salesman) => total + salesman.accounts, 0);
  const picked: SalesmanCount[] = [];
  let sum = 0;
  for (const salesman of counts) {
    if (sum >= target * 0.95 || picked.length === 100) {
      break;
    }
    if (salesman.accounts > 0 && sum + salesman.accounts <= target * 1.1) {
      picked.push(salesman);
      sum += salesman.accounts;
    }
  }
  const large = counts.filter((salesman) => salesman.accounts > target * 1.1).at(-1);
  if (picked.length > 0 && (sum >= target * 0.9 || !large)) {
    return {
      filter: {
        params: { salesman: picked.map((salesman) => salesman.id).join(",") },
        description: `salesman = ${picked.map((salesman) => `${salesman.name} (${salesman.accounts.toLocaleString("en-US")})`).join(", ")}`,
      },
      withSalesman,
      expected: sum,
    };
  }
  if (!large) {
    return { filter: { params: {}, description: "no filter (no account has a salesman)" }, withSalesman, expected: await boardTotal(api, {}) };
  }
  // Accounts created from `days` back grow with `days`: the smallest `days` reaching the target.
  const today = new Date();
  const countFrom = (days: number) => boardTotal(api, { salesmanIds: [large.id], createdAt: { from: `${utcDay(today, days)}T00:00:00.000Z` } });
  let low = 0;
  let high = MAX_DAYS_BACK;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await countFrom(middle)) >= target) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  const [above, below] = [await countFrom(low), low > 0 ? await countFrom(low - 1) : -Infinity];
  const days = target - below < above - target ? low - 1 : low;
  const from = utcDay(today, days);
  return {
    filter: {
      params: { salesman: large.id, from },
      description: `salesman = ${large.name} (${large.accounts.toLocaleString("en-US")}), created from ${from}`,
    },
    withSalesman,
    expected: days === low ? above : below,
  };
}
