/** Events executed together at most (their reads share one context's loaders). */
const DELIVERY_BATCH = 500;

const NOT_READY = Symbol("not ready");

/**
 * Maps a source stream in batches: the first event, plus every event already waiting behind it
 * (up to DELIVERY_BATCH), go through `map` together; results come out one by one, in order.
 * return() goes straight to the source (an async generator would wait for the next event before
 * it could end, keeping a closed subscription's listener).
 */
export function deliverInBatches<T, R>(source: AsyncIterable<T>, map: (values: T[]) => Promise<R[]>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const ready: R[] = [];
  let carried: Promise<IteratorResult<T>> | null = null;
  let ended = false;
  const pull = () => {
    const next = carried ?? iterator.next();
    carried = null;
    return next;
  };
  // A waiting event resolves within microtasks; setImmediate runs after them.
  const waiting = (next: Promise<IteratorResult<T>>) => Promise.race([next, new Promise<typeof NOT_READY>((resolve) => setImmediate(() => resolve(NOT_READY)))]);
  return {
    async next(): Promise<IteratorResult<R>> {
      if (ready.length > 0) {
        return { value: ready.shift()!, done: false };
      }
      if (ended) {
        return { value: undefined, done: true };
      }
      const first = await pull();
      if (first.done) {
        ended = true;
        return { value: undefined, done: true };
      }
      const batch = [first.value];
      while (batch.length < DELIVERY_BATCH) {
        const next = pull();
        const result = await waiting(next);
        if (result === NOT_READY) {
          carried = next;
          break;
        }
        if (result.done) {
          ended = true;
          break;
        }
        batch.push(result.value);
      }
      ready.push(...(await map(batch)));
      return { value: ready.shift()!, done: false };
    },
    async return() {
      ended = true;
      ready.length = 0;
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
