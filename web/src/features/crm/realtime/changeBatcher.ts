/** How long a batch of new accounts waits for more before it is applied. */
export const batchQuietMs = 1_000;
/** The longest a batch waits while accounts keep coming (a long import still refreshes now and then). */
export const batchMaxWaitMs = 10_000;

/** Collects items and hands them over together; see createChangeBatcher. */
export interface ChangeBatcher<T> {
  readonly add: (item: T) => void;
  /** Hands over what waits now, if any of it matches (a later event about it must find it applied). */
  readonly flushIf: (matches: (item: T) => boolean) => void;
  /** Drops what is waiting and stops the timers (the page unmounted). */
  readonly dispose: () => void;
}

/**
 * Coalesces a burst of events into one call: `flush` runs once no item came for `quietMs`, or
 * `maxWaitMs` after the first item of the batch, whichever is first. A CSV import publishing
 * thousands of creations is then a handful of re-reads, not one per row.
 */
export function createChangeBatcher<T>(flush: (items: readonly T[]) => void, quietMs = batchQuietMs, maxWaitMs = batchMaxWaitMs): ChangeBatcher<T> {
  let items: T[] = [];
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;

  const clearTimers = () => {
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = undefined;
    maxTimer = undefined;
  };
  const run = () => {
    clearTimers();
    const batch = items;
    items = [];
    if (batch.length > 0) {
      flush(batch);
    }
  };
  return {
    add(item) {
      items.push(item);
      clearTimeout(quietTimer);
      quietTimer = setTimeout(run, quietMs);
      maxTimer ??= setTimeout(run, maxWaitMs);
    },
    flushIf(matches) {
      if (items.some(matches)) {
        run();
      }
    },
    dispose() {
      clearTimers();
      items = [];
    },
  };
}
