import { RetryableJobError } from "./job-handler";
import { backoffStrategy, bullJobId, jobOptions, outboxJobIdOf, redisOptions } from "./bullmq-options";

const policy = { attempts: 5, backoffMs: 100, maxBackoffMs: 1000 };

describe("BullMQ options", () => {
  it("should map outbox job ids to ':'-free BullMQ ids and back", () => {
    expect(bullJobId("respondio_add_prospect:42")).toBe("respondio_add_prospect|42");
    expect(outboxJobIdOf(bullJobId("respondio_add_prospect:42"))).toBe("respondio_add_prospect:42");
  });

  it("should back off exponentially and honour a RetryableJobError's retryAfterMs", async () => {
    const strategy = backoffStrategy(policy);
    expect(await strategy(1, "crm-exponential", new Error("x"))).toBe(100);
    expect(await strategy(3, "crm-exponential", new Error("x"))).toBe(400);
    expect(await strategy(10, "crm-exponential", new Error("x"))).toBe(1000);
    expect(await strategy(1, "crm-exponential", new RetryableJobError("429", 5000))).toBe(5000);
  });

  it("should give every job the policy's attempts, the custom backoff and the retention limits", () => {
    const retention = { completed: { count: 10, age: 60 }, failed: { count: 20, age: 120 } };
    expect(jobOptions(policy, retention)).toEqual({ attempts: 5, backoff: { type: "crm-exponential" }, removeOnComplete: retention.completed, removeOnFail: retention.failed });
  });

  it("should read host, port, credentials, database and TLS from REDIS_URL", () => {
    expect(redisOptions("redis://127.0.0.1:6390")).toEqual({ host: "127.0.0.1", port: 6390 });
    expect(redisOptions("rediss://user:p%40ss@cache.example.com/2")).toEqual({ host: "cache.example.com", port: 6379, username: "user", password: "p@ss", db: 2, tls: {} });
  });
});
