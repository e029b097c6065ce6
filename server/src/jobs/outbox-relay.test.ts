import pino from "pino";
import type { Queue } from "bullmq";
import type { DataSource } from "typeorm";
import { parseEnv } from "../config/env";
import { retentionOf } from "./bullmq-options";
import { OutboxRelay } from "./outbox-relay";
import { retryPolicyOf } from "./retry-policy";

describe("OutboxRelay while Redis is unreachable", () => {
  afterEach(() => jest.useRealTimers());

  it("should keep checking the connection at the poll pace, not back off, so relaying resumes as soon as Redis is back", async () => {
    jest.useFakeTimers();
    const config = parseEnv({});
    let checks = 0;
    const relay = new OutboxRelay({
      // Never reached: with Redis down the relay claims nothing.
      dataSource: {} as DataSource,
      queueFor: () => ({}) as Queue,
      logger: pino({ level: "silent" }),
      policy: retryPolicyOf(config),
      retention: retentionOf(config),
      pollMs: 100,
      redisReady: () => {
        checks += 1;
        return false;
      },
    });
    relay.start();
    // Sixty poll intervals of outage: one check each (a doubling backoff would have made about six).
    for (let i = 0; i < 60; i += 1) {
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(checks).toBeGreaterThanOrEqual(59);
    await relay.stop();
  });
});
