import { createChangeBatcher } from "./changeBatcher";

describe("createChangeBatcher", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("should hand over a burst of 10,000 items in one call once the burst is quiet", () => {
    const flushes: number[] = [];
    const batcher = createChangeBatcher<number>((items) => flushes.push(items.length), 1_000, 10_000);
    for (let item = 0; item < 10_000; item += 1) {
      batcher.add(item);
    }
    jest.advanceTimersByTime(999);
    expect(flushes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(flushes).toEqual([10_000]);
    jest.advanceTimersByTime(60_000);
    expect(flushes).toEqual([10_000]);
  });

  it("should flush at the longest wait while items keep coming, and start a new batch after it", () => {
    const flushes: number[][] = [];
    const batcher = createChangeBatcher<number>((items) => flushes.push([...items]), 1_000, 10_000);
    // One item every 500 ms: never quiet for 1 s.
    for (let item = 0; item < 30; item += 1) {
      batcher.add(item);
      jest.advanceTimersByTime(500);
    }
    // The first 20 (0 … 9.5 s) at 10 s; the next 10 are waiting for their own batch.
    expect(flushes).toEqual([Array.from({ length: 20 }, (_, index) => index)]);
    jest.advanceTimersByTime(1_000);
    expect(flushes.map((batch) => batch.length)).toEqual([20, 10]);
    expect(flushes.flat()).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it("should hand over what waits at once when an item matches, and not when none does", () => {
    const flushes: number[][] = [];
    const batcher = createChangeBatcher<number>((items) => flushes.push([...items]), 1_000, 10_000);
    batcher.add(1);
    batcher.add(2);
    batcher.flushIf((item) => item === 3);
    expect(flushes).toEqual([]);
    batcher.flushIf((item) => item === 2);
    expect(flushes).toEqual([[1, 2]]);
    jest.advanceTimersByTime(20_000);
    expect(flushes).toEqual([[1, 2]]);
  });

  it("should drop what waits when disposed", () => {
    const flush = jest.fn();
    const batcher = createChangeBatcher<number>(flush, 1_000, 10_000);
    batcher.add(1);
    batcher.dispose();
    jest.advanceTimersByTime(20_000);
    expect(flush).not.toHaveBeenCalled();
  });
});
