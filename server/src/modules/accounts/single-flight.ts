/**
 * Coalesces concurrent identical reads: a caller asking for `key` while a read of `key`
 * started at the same `generation` is still running gets that read's result (or error)
 * instead of starting another. Nothing is kept once a read settles (no cache, no TTL), and a
 * read started at another generation is never shared, so a caller who has seen a write's
 * commit (the generation moved on) always gets a read that started after it.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, { generation: number; result: Promise<T> }>();

  run(key: string, generation: number, read: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key);
    if (running && running.generation === generation) {
      return running.result;
    }
    const result = (async () => read())();
    const flight = { generation, result };
    this.flights.set(key, flight);
    const settled = (): void => {
      if (this.flights.get(key) === flight) {
        this.flights.delete(key);
      }
    };
    result.then(settled, settled);
    return result;
  }

  /** Reads in flight (for tests). */
  get size(): number {
    return this.flights.size;
  }
}
