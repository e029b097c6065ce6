/**
 * A small seeded PRNG (mulberry32) so the demo and volume sets are the same on every run:
 * screenshots, bug reports and benchmark numbers then talk about the same data.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError("pick() from an empty list");
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    const last = entries[entries.length - 1];
    if (!last) {
      throw new RangeError("weighted() from an empty list");
    }
    return last[0];
  }

  /**
   * A count with the given mean, spread over [0, 2·mean]: rounding a uniform draw keeps
   * the average exact enough for "~1.5 contacts per account" without a real distribution.
   */
  around(mean: number): number {
    return Math.round(this.next() * 2 * mean);
  }

  /** n digits, the first one not zero (phone numbers, street numbers). */
  digits(n: number): string {
    let out = String(this.int(1, 9));
    for (let i = 1; i < n; i += 1) {
      out += String(this.int(0, 9));
    }
    return out;
  }
}
