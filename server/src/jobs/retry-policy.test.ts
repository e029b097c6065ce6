import { PermanentJobError, RetryableJobError } from "./job-handler";
import { backoffDelay, decideAfterFailure, errorMessage, type RetryPolicy } from "./retry-policy";

const policy: RetryPolicy = { attempts: 4, backoffMs: 1000, maxBackoffMs: 5000 };

describe("backoffDelay", () => {
  it("should double the wait per failed attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffDelay(policy, n))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it("should wait at least a service's Retry-After, even past the cap", () => {
    expect(backoffDelay(policy, 1, 3000)).toBe(3000);
    expect(backoffDelay(policy, 3, 3000)).toBe(4000);
    expect(backoffDelay(policy, 1, 60_000)).toBe(60_000);
  });
});

describe("decideAfterFailure", () => {
  it("should retry a plain or retryable error while attempts remain", () => {
    expect(decideAfterFailure(policy, 1, new Error("socket hang up"))).toEqual({ kind: "retry", delayMs: 1000, message: "socket hang up" });
    expect(decideAfterFailure(policy, 2, new RetryableJobError("HTTP 429", 7000))).toEqual({ kind: "retry", delayMs: 7000, message: "RetryableJobError: HTTP 429" });
  });

  it("should fail when the last attempt failed", () => {
    expect(decideAfterFailure(policy, 4, new RetryableJobError("HTTP 503"))).toEqual({ kind: "fail", message: "RetryableJobError: HTTP 503", detail: null });
  });

  it("should fail at once on a permanent error, keeping its detail", () => {
    expect(decideAfterFailure(policy, 1, new PermanentJobError("HTTP 400", '{"message":"bad phone"}'))).toEqual({
      kind: "fail",
      message: "PermanentJobError: HTTP 400",
      detail: '{"message":"bad phone"}',
    });
  });
});

describe("errorMessage", () => {
  it("should bound long messages and describe non-errors", () => {
    expect(errorMessage(new Error("x".repeat(5000)))).toHaveLength(1000);
    expect(errorMessage("plain")).toBe("plain");
  });
});
