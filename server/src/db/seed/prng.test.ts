import { Prng } from "./prng";

describe("Prng", () => {
  it("should repeat the same sequence for the same seed and differ for another", () => {
    const draw = (seed: number) => {
      const rng = new Prng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("should keep int() within its bounds and reach both ends", () => {
    const rng = new Prng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("should average around(mean) to the mean", () => {
    const rng = new Prng(7);
    const n = 20_000;
    const mean = Array.from({ length: n }, () => rng.around(1.5)).reduce((a, b) => a + b, 0) / n;
    expect(mean).toBeGreaterThan(1.45);
    expect(mean).toBeLessThan(1.55);
  });

  it("should never pick a zero-weight entry and follow the weights otherwise", () => {
    const rng = new Prng(9);
    const picks = Array.from({ length: 4000 }, () => rng.weighted([["a", 3], ["b", 1], ["never", 0]] as const));
    expect(picks).not.toContain("never");
    const share = picks.filter((p) => p === "a").length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it("should give n digits without a leading zero", () => {
    const rng = new Prng(3);
    for (let i = 0; i < 200; i += 1) {
      expect(rng.digits(10)).toMatch(/^[1-9][0-9]{9}$/);
    }
  });
});
