import { deliverInBatches } from "./delivery-batches";
import { eventStream, MemoryEventBus } from "./event-bus";
import type { AccountEvent } from "./account-event";

const event = (accountId: number) => ({ accountId }) as AccountEvent;

describe("deliverInBatches", () => {
  it("should map the events already waiting together and hand the results out one by one, in order", async () => {
    const bus = new MemoryEventBus();
    const batches: number[][] = [];
    const stream = deliverInBatches(eventStream(bus), async (events) => {
      batches.push(events.map((e) => e.accountId));
      return events.map((e) => e.accountId * 10);
    });
    bus.publish([event(1), event(2), event(3)]);
    const first = [await stream.next(), await stream.next(), await stream.next()].map((r) => r.value);
    bus.publish([event(4)]);
    expect([...first, (await stream.next()).value]).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
    await stream.return?.();
  });

  it("should end at once on return(), the source included, even while waiting for an event", async () => {
    const bus = new MemoryEventBus();
    const stream = deliverInBatches(eventStream(bus), async (events) => events);
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    bus.publish([event(1)]);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
