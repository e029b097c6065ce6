/**
 * The load drivers of the board-load suite: autocannon runs bounded by count and time, users at a
 * paced rate, and the checks of each GraphQL answer. Every latency is one request's round trip on
 * loopback to the built API.
 */
import autocannon from "autocannon";
import type { BenchContext } from "./bench-suite";
import { percentile } from "./stats";

/** One load run: at most `amount` requests and at most `seconds`, whichever comes first. */
export interface LoadPlan {
  connections: number;
  amount: number;
  seconds: number;
}

/** CONNECTIONS users, each sending a request every 1/rate seconds at their own moment of the second. */
export interface UsersPlan {
  users: number;
  perUserPerSecond: number;
  seconds: number;
  /** Requests in all: users × rate × seconds. */
  amount: number;
}

/** What one load run measured. */
export interface LoadRun {
  connections: number;
  /** Answered requests. */
  requests: number;
  /** Sent but not answered when the run stopped (in the percentiles at their age then), and the oldest age. */
  cutOff: number;
  oldestCutOff: number;
  /** Responses that were not HTTP 200 with data and no GraphQL errors (or failed the check), timeouts and connection errors. */
  errors: number;
  p50: number;
  p99: number;
  /** Answered requests per second over the run. */
  throughput: number;
  firstError: string | null;
}

/** An account to move: where it is and the version it has now. */
/** The GraphQL errors of a response body, or why it is not a good answer; null when it is. */
export function responseProblem(status: number, body: string, check: (data: Record<string, unknown>) => string | null): string | null {
  if (status !== 200) {
    return `HTTP ${status}: ${body.slice(0, 200)}`;
  }
  let parsed: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (parsed.errors?.length) {
    const first = parsed.errors[0]!;
    return `${first.extensions?.code ?? "ERROR"}: ${first.message ?? ""}`;
  }
  if (!parsed.data) {
    return "no data";
  }
  return check(parsed.data);
}

export interface LoadRequest {
  /** The JSON body of the next request (called once per request, in send order per connection). */
  next(): { body: string; check: (data: Record<string, unknown>) => string | null };
}

export async function load(ctx: BenchContext, plan: LoadPlan, request: LoadRequest): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  // autocannon gives each request its own context object (one request in the list, so it resets
  // the context for every request): it carries the request's check and when it was sent.
  type Slot = { check?: (data: Record<string, unknown>) => string | null; sentAt?: number };
  const inFlight = new Set<Slot>();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url: `${ctx.api.url}/graphql`,
    connections: plan.connections,
    // Both bounds: autocannon's `amount` ignores the duration, maxOverallRequests keeps it.
    maxOverallRequests: plan.amount,
    duration: plan.seconds,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.api.token}` },
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const { body, check } = request.next();
          const slot = context as Slot;
          slot.check = check;
          slot.sentAt = performance.now();
          inFlight.add(slot);
          return { ...req, body };
        },
        onResponse: (status, body, context) => {
          inFlight.delete(context as Slot);
          const problem = responseProblem(status, body, (context as Slot).check ?? (() => null));
          if (problem !== null) {
            errors += 1;
            firstError ??= problem;
          }
        },
      },
    ],
  };
  const started = performance.now();
  const instance = autocannon(options, (error: unknown, result: autocannon.Result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;
  const stopped = performance.now();
  const elapsed = stopped - started;
  // Requests cut off by the end of the run (or timed out) have no latency yet: they count in the
  // percentiles at their age when the run stopped, a lower bound, so a run where the server falls
  // behind shows it instead of dropping its slowest requests.
  const cutOff = [...inFlight].map((slot) => stopped - (slot.sentAt ?? started));
  const samples = [...latencies, ...cutOff];
  if (samples.length === 0) {
    throw new Error(`nothing was sent to ${ctx.api.url}/graphql (${result.errors} connection errors)`);
  }
  // result.errors counts connection errors, timeouts included.
  const failures = errors + result.errors;
  if (result.errors > 0) {
    firstError ??= `${result.errors} connection errors (${result.timeouts} timeouts after ${options.timeout} s)`;
  }
  await settle(ctx);
  return {
    connections: plan.connections,
    requests: latencies.length,
    cutOff: cutOff.length,
    oldestCutOff: cutOff.length > 0 ? Math.max(...cutOff) : 0,
    errors: failures,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    throughput: latencies.length / (elapsed / 1000),
    firstError,
  };
}

/**
 * Users at a human pace: each of `plan.users` sends a request every 1/rate seconds, their moments
 * spread evenly over the second (autocannon's per-connection rate fires every connection at the
 * same instant, a burst no sales floor makes); a user whose answer comes late sends the next at
 * once, as someone waiting for the screen would. Each latency is one request's round trip.
 */
export async function paced(ctx: BenchContext, plan: UsersPlan, request: LoadRequest): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const intervalMs = 1000 / plan.perUserPerSecond;
  const perUser = plan.perUserPerSecond * plan.seconds;
  const started = performance.now();
  const user = async (index: number) => {
    for (let k = 0; k < perUser; k += 1) {
      const due = started + (index / plan.users + k) * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const { body, check } = request.next();
      const sent = performance.now();
      let problem: string | null;
      try {
        const response = await fetch(`${ctx.api.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ctx.api.token}` },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        problem = responseProblem(response.status, await response.text(), check);
      } catch (error) {
        problem = `request failed: ${(error as Error).message}`;
      }
      latencies.push(performance.now() - sent);
      if (problem !== null) {
        errors += 1;
        firstError ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.users }, (_, index) => user(index)));
  const elapsed = performance.now() - started;
  await settle(ctx);
  return {
    connections: plan.users,
    requests: latencies.length,
    cutOff: 0,
    oldestCutOff: 0,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / (elapsed / 1000),
    firstError,
  };
}

/**
 * Waits until the API answers `{ __typename }` (one SQL statement: the token lookup) within
 * 200 ms three times in a row: requests a stopped run left behind keep the API and its pool busy,
 * and must not slow the next run down. Gives up after two minutes.
 */
async function settle(ctx: BenchContext): Promise<void> {
  const until = performance.now() + 120_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const started = performance.now();
    await fetch(`${ctx.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ctx.api.token}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    }).then((r) => r.text());
    quick = performance.now() - started < 200 ? quick + 1 : 0;
    if (quick === 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
