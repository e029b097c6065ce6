import type { AccountEvent } from "./account-event";
import { eventStream, MemoryEventBus, publishAfterCommit } from "./event-bus";

const event = (accountId: number): AccountEvent => ({
  kind: "UPDATED",
  accountId,
  actorId: 1,
  occurredAt: new Date(0).toISOString(),
  scope: { createdBy: 1, salesmanId: 1, type: 1, companyId: null, companyExecutiveId: null },
});

describe("MemoryEventBus", () => {
  it("should deliver each message's events in order, to every listener, even when one throws", async () => {
    const errors: unknown[] = [];
    const bus = new MemoryEventBus((err) => errors.push(err));
    const seen: number[] = [];
    bus.listen(() => {
      throw new Error("listener failed");
    });
    const stream = eventStream(bus);
    bus.listen((events) => seen.push(...events.map((e) => e.accountId)));
    bus.publish([event(1), event(2)]);
    bus.publish([event(3)]);
    const received = [await stream.next(), await stream.next(), await stream.next()].map((r) => (r.value as AccountEvent).accountId);
    expect(received).toEqual([1, 2, 3]);
    expect(seen).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(2);
    await stream.return?.();
  });

  it("should end a stream's pending next() when the subscriber returns, and stop listening", async () => {
    const bus = new MemoryEventBus();
    const stream = eventStream(bus);
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    bus.publish([event(1)]);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});

describe("publishAfterCommit", () => {
  it("should publish the events of a write that committed, and nothing for one that threw", async () => {
    const published: AccountEvent[][] = [];
    const sink = { publish: (events: readonly AccountEvent[]) => published.push([...events]) };
    await expect(publishAfterCommit(sink, Promise.resolve({ result: "ok", events: [event(1)] }))).resolves.toBe("ok");
    await expect(publishAfterCommit(sink, Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");
    expect(published).toEqual([[event(1)]]);
  });
});
