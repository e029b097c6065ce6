import { QueryFailedError } from "typeorm";
import { withLockRetry } from "./lock-retry";

function lockError(code: string): QueryFailedError {
  return new QueryFailedError("UPDATE imports …", [], Object.assign(new Error(code), { code }));
}

describe("withLockRetry", () => {
  it("should run a batch again when MariaDB picked it as a deadlock victim", async () => {
    let attempts = 0;
    const result = await withLockRetry(async () => {
      attempts += 1;
      if (attempts < 3) {
        throw lockError("ER_LOCK_DEADLOCK");
      }
      return "written";
    });
    expect([result, attempts]).toEqual(["written", 3]);
  });

  it("should give up after three attempts and rethrow the last error", async () => {
    let attempts = 0;
    const failing = withLockRetry(async () => {
      attempts += 1;
      throw lockError("ER_LOCK_WAIT_TIMEOUT");
    });
    await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts).toBe(3);
  });

  it("should not retry other errors", async () => {
    let attempts = 0;
    await expect(
      withLockRetry(async () => {
        attempts += 1;
        throw lockError("ER_DUP_ENTRY");
      }),
    ).rejects.toThrow("ER_DUP_ENTRY");
    expect(attempts).toBe(1);
  });
});
