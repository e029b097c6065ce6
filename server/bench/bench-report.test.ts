import { formatValue, keptSuites, mergeOutcomes, PRESERVED_END, PRESERVED_START, preservedSection, ratioOf, renderReport, resultsJson, type BenchRun } from "./bench-report";

function run(overrides: Partial<BenchRun> = {}): BenchRun {
  return {
    startedAt: new Date("2026-11-27T04:00:00.123Z"),
    seconds: 95.4,
    commit: "abc123def456",
    quick: true,
    only: null,
    database: "crm_bench",
    accounts: 5000,
    accountRows: 5300,
    seedSeconds: null,
    redis: true,
    machine: { cpuModel: "Test CPU", cpus: 2, ramGb: 7.75, node: "v20.19.0", mariadb: "11.4.2-MariaDB", os: "Linux 6.1" },
    suites: [
      {
        id: "sql-counts",
        title: "SQL statements per request",
        seconds: 3.2,
        result: {
          figures: [
            { key: "sql.accountsPage.10", label: "Accounts page of 10", value: 7, unit: "statements", target: { text: "≤ 8", met: true } },
            { key: "gql.p50", label: "GraphQL p50", value: 30, unit: "ms", baseline: { label: "raw SQL p50", value: 12, unit: "ms" }, target: { text: "≤ 2× raw", met: false } },
          ],
          notes: ["Counted with a TypeORM logger | in process."],
        },
      },
      { id: "search", title: "Search", seconds: 1, error: "Error: boom\n    at x" },
    ],
    ...overrides,
  };
}

describe("BENCHMARKS.md rendering", () => {
  it("should state the machine, date, commit and mode", () => {
    const md = renderReport(run(), null);
    expect(md).toContain("| Date | 2026-11-27T04:00:00Z (95 s) |");
    expect(md).toContain("| Commit | abc123def456 |");
    expect(md).toContain("| Mode | quick (`--quick`) |");
    expect(md).toContain("| CPU | Test CPU × 2 |");
    expect(md).toContain("| MariaDB | 11.4.2-MariaDB |");
    expect(md).toContain("seed reused");
    expect(renderReport(run({ quick: false, only: ["sql-counts"], seedSeconds: 61 }), null)).toContain("| Mode | full, partial: only `sql-counts` |");
  });

  it("should give each figure its baseline, ratio, target and whether it was met", () => {
    const md = renderReport(run(), null);
    expect(md).toContain("| Accounts page of 10 | 7 statements | — | — | ≤ 8 | ✅ yes |");
    expect(md).toContain("| GraphQL p50 | 30 ms | raw SQL p50: 12 ms | 2.5× | ≤ 2× raw | ❌ no |");
    expect(md).toContain("Counted with a TypeORM logger | in process.");
  });

  it("should report a failed suite with its error and keep the others", () => {
    const md = renderReport(run(), null);
    expect(md).toContain("## Search");
    expect(md).toContain("**Failed:**");
    expect(md).toContain("Error: boom");
    expect(md).toContain("| Search | (suite failed) | — | — | ❌ failed |");
  });

  it("should keep the hand-written before/after section of the previous report", () => {
    const previous = renderReport(run(), null).replace(/(<!-- before-after:start[^\n]*-->\n)[\s\S]*?(\n<!-- before-after:end -->)/, "$1\nSearch p50: 180 ms → 9 ms (index on phone).\n$2");
    expect(preservedSection(previous)).toBe("Search p50: 180 ms → 9 ms (index on phone).");
    const next = renderReport(run({ commit: "fff" }), previous);
    expect(next).toContain(`${PRESERVED_START}\n\nSearch p50: 180 ms → 9 ms (index on phone).\n\n${PRESERVED_END}`);
    expect(next.match(/before-after:start/g)).toHaveLength(1);
    expect(preservedSection("# an old report without markers")).toMatch(/Nothing recorded yet/);
  });

  it("should format values and ratios", () => {
    expect(formatValue(12345.678, "rows/s")).toBe("12,346 rows/s");
    expect(formatValue(1.2345, "×")).toBe("1.23×");
    expect(formatValue(3, "count")).toBe("3");
    expect(ratioOf({ key: "k", label: "l", value: 3, unit: "ms", baseline: { label: "b", value: 0, unit: "ms" } })).toBeNull();
    expect(ratioOf({ key: "k", label: "l", value: 3, unit: "ms", baseline: { label: "b", value: 2, unit: "s" } })).toBeNull();
  });

  it("should list every figure by key in the JSON", () => {
    const json = resultsJson(run()) as { figures: Record<string, { value: number; ratio: number | null; suite: string }>; suites: Array<{ ok: boolean }> };
    expect(json.figures["gql.p50"]).toMatchObject({ value: 30, ratio: 2.5, suite: "sql-counts" });
    expect(json.figures["sql.accountsPage.10"]).toMatchObject({ value: 7, ratio: null });
    expect(json.suites.map((s) => s.ok)).toEqual([true, false]);
  });
});

describe("a partial run's report (--only)", () => {
  const order = ["sql-counts", "search", "realtime-load"];
  const realtime = { id: "realtime-load", title: "Realtime", seconds: 70, result: { figures: [{ key: "realtime.errors", label: "errors", value: 0, unit: "count" as const, target: { text: "0", met: true } }] } };
  const previousJson = JSON.stringify(resultsJson(run()));

  it("should keep the suites it did not run, with their figures, notes, failures and the run they come from", () => {
    const kept = keptSuites(previousJson, ["realtime-load"]);
    expect(kept.map((k) => k.id)).toEqual(["sql-counts", "search"]);
    expect(kept[0]!.result?.figures).toEqual(run().suites[0]!.result!.figures);
    expect(kept[0]!.result?.notes).toEqual(["Counted with a TypeORM logger | in process."]);
    expect(kept[0]!.from).toEqual({ date: "2026-11-27T04:00:00.123Z", commit: "abc123def456", quick: true, accounts: 5000 });
    expect(kept[1]!.error).toBe("Error: boom\n    at x");
  });

  it("should replace the suites it ran, in the suites' order, and name the kept ones' run", () => {
    const previousRealtime = JSON.stringify(resultsJson(run({ suites: [...run().suites, { ...realtime, result: { figures: [{ ...realtime.result.figures[0]!, value: 9 }] } }] })));
    const kept = keptSuites(previousRealtime, ["realtime-load"]);
    expect(kept.map((k) => k.id)).not.toContain("realtime-load");
    const merged = mergeOutcomes([realtime], kept, order);
    expect(merged.map((s) => s.id)).toEqual(order);
    const md = renderReport(run({ only: ["realtime-load"], quick: false, commit: "fff", suites: merged }), null);
    expect(md).toContain("| Mode | full, partial: only `realtime-load`; the other suites' figures are kept from earlier runs (named in their sections) |");
    expect(md).toContain("Kept from the run of 2026-11-27T04:00:00Z (commit abc123def456, quick, 5,000 accounts): this run did not include it.");
    expect(md).toContain("| Realtime | errors | 0 | 0 | ✅ yes |");
    expect(md).not.toContain("| Realtime | errors | 9 |");
    const json = resultsJson(run({ commit: "fff", suites: merged })) as { figures: Record<string, { suite: string }>; suites: Array<{ id: string; commit: string }> };
    expect(Object.values(json.figures).map((f) => f.suite)).toEqual(["sql-counts", "sql-counts", "realtime-load"]);
    expect(json.suites.map((s) => s.commit)).toEqual(["abc123def456", "abc123def456", "fff"]);
  });

  it("should keep nothing from a missing or unreadable previous JSON", () => {
    expect(keptSuites(null, [])).toEqual([]);
    expect(keptSuites("{ not json", [])).toEqual([]);
  });
});
