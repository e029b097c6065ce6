import { SingleFlight } from "./single-flight";

/** A read that settles when the test says so, counting how many times it was started. */
function controlledReads() {
  const started: Array<{ key: string; resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  const read = (key: string) => () =>
    new Promise<string>((resolve, reject) => {
      started.push({ key, resolve, reject });
    });
  return { started, read };
}

describe("SingleFlight", () => {
  it("shares a running read with callers of the same key and generation", async () => {
    const flights = new SingleFlight<string>();
    const { started, read } = controlledReads();
    const first = flights.run("all {}", 0, read("all {}"));
    const second = flights.run("all {}", 0, read("all {}"));
    expect(started).toHaveLength(1);
    expect(second).toBe(first);
    started[0]!.resolve("totals");
    await expect(Promise.all([first, second])).resolves.toEqual(["totals", "totals"]);
  });

  it("starts a separate read for another key", async () => {
    const flights = new SingleFlight<string>();
    const { started, read } = controlledReads();
    const all = flights.run("all {}", 0, read("all {}"));
    const own = flights.run("own:7 {}", 0, read("own:7 {}"));
    const filtered = flights.run('all {"statusIds":[3]}', 0, read('all {"statusIds":[3]}'));
    expect(started.map((s) => s.key)).toEqual(["all {}", "own:7 {}", 'all {"statusIds":[3]}']);
    started.forEach((s, i) => s.resolve(`totals ${i}`));
    await expect(Promise.all([all, own, filtered])).resolves.toEqual(["totals 0", "totals 1", "totals 2"]);
  });

  it("never shares a read that started before a write (an older generation) with a later caller", async () => {
    const flights = new SingleFlight<string>();
    const { started, read } = controlledReads();
    const beforeWrite = flights.run("all {}", 4, read("all {}"));
    const afterWrite = flights.run("all {}", 5, read("all {}"));
    expect(started).toHaveLength(2);
    // A third caller at the new generation shares the read started after the write, not the old one.
    const alsoAfterWrite = flights.run("all {}", 5, read("all {}"));
    expect(started).toHaveLength(2);
    expect(alsoAfterWrite).toBe(afterWrite);
    // The old read settling last does not remove the newer flight.
    started[1]!.resolve("after the move");
    started[0]!.resolve("before the move");
    await expect(Promise.all([beforeWrite, afterWrite, alsoAfterWrite])).resolves.toEqual(["before the move", "after the move", "after the move"]);
    expect(flights.size).toBe(0);
  });

  it("keeps nothing once a read settles: the next caller reads again", async () => {
    const flights = new SingleFlight<string>();
    const { started, read } = controlledReads();
    const first = flights.run("all {}", 0, read("all {}"));
    started[0]!.resolve("first");
    await expect(first).resolves.toBe("first");
    expect(flights.size).toBe(0);
    const second = flights.run("all {}", 0, read("all {}"));
    expect(started).toHaveLength(2);
    started[1]!.resolve("second");
    await expect(second).resolves.toBe("second");
  });

  it("gives a failed read's error to every caller sharing it, then forgets it", async () => {
    const flights = new SingleFlight<string>();
    const { started, read } = controlledReads();
    const first = flights.run("all {}", 0, read("all {}"));
    const second = flights.run("all {}", 0, read("all {}"));
    started[0]!.reject(new Error("lock wait timeout"));
    await expect(first).rejects.toThrow("lock wait timeout");
    await expect(second).rejects.toThrow("lock wait timeout");
    expect(flights.size).toBe(0);
    const retry = flights.run("all {}", 0, read("all {}"));
    expect(started).toHaveLength(2);
    started[1]!.resolve("ok");
    await expect(retry).resolves.toBe("ok");
  });

  it("treats a read that throws synchronously like a failed read", async () => {
    const flights = new SingleFlight<string>();
    const result = flights.run("all {}", 0, () => {
      throw new Error("bad filter");
    });
    await expect(result).rejects.toThrow("bad filter");
    expect(flights.size).toBe(0);
  });
});
