import type { DeliverySummary } from "./realtime-delivery";
import { loadShape } from "./realtime-mix";
import { LoadRecorder, realtimeFigures, realtimeNotes, type RunFacts } from "./realtime-report";

function summary(overrides: Partial<DeliverySummary> = {}): DeliverySummary {
  return {
    expected: 4,
    delivered: 4,
    missed: 0,
    duplicates: 0,
    outOfScope: 0,
    unmatched: 0,
    crossInstance: 2,
    latencies: { MOVED: [10, 20], NOTE_ADDED: [30, 40] },
    byGroup: { MOVED: { sdr: [10], manager: [20] }, NOTE_ADDED: {} },
    firstProblem: null,
    ...overrides,
  };
}

const facts = (overrides: Partial<RunFacts> = {}): RunFacts => ({
  shape: loadShape(false),
  instances: 2,
  redis: true,
  seconds: 60,
  warmUpMs: 100,
  graceMs: 0,
  cores: 2,
  load: [4, 5],
  apiCpuMs: 30_000,
  ...overrides,
});

function recorded(): LoadRecorder {
  const recorder = new LoadRecorder();
  for (let i = 1; i <= 10; i += 1) {
    recorder.request("move", i * 10, null);
    recorder.request("probe", i, null);
  }
  return recorder;
}

const byKey = (figures: ReturnType<typeof realtimeFigures>) => new Map(figures.map((f) => [f.key, f]));

describe("realtime-load report", () => {
  it("should meet every error target only with no error of any kind", () => {
    const clean = byKey(realtimeFigures(recorded(), summary(), 60));
    expect(clean.get("realtime.errors")).toMatchObject({ value: 0, target: { text: "0", met: true } });
    expect(clean.get("realtime.requests.errors")?.label).toBe("requests with errors (of 10)");

    const recorder = recorded();
    recorder.request("note", 5, "HTTP 500: boom");
    recorder.request("probe", 5, "request failed: reset");
    recorder.error("socket", "closed 1006");
    const failing = byKey(realtimeFigures(recorder, summary({ missed: 3, duplicates: 1, outOfScope: 2 }), 60));
    expect(failing.get("realtime.requests.errors")).toMatchObject({ value: 2, target: { met: false } });
    expect(failing.get("realtime.sockets.errors")).toMatchObject({ value: 1, target: { met: false } });
    expect(failing.get("realtime.events.missed")?.value).toBe(3);
    expect(failing.get("realtime.events.duplicates")?.value).toBe(1);
    expect(failing.get("realtime.events.outOfScope")?.value).toBe(2);
    expect(failing.get("realtime.errors")).toMatchObject({ value: 2 + 1 + 3 + 1 + 2, target: { met: false } });
  });

  it("should set each action's percentiles beside the probe's, and the managers' deliveries beside the mover's", () => {
    const figures = byKey(realtimeFigures(recorded(), summary(), 60));
    expect(figures.get("realtime.move.p50")).toMatchObject({ value: 50, baseline: { value: 5, unit: "ms" } });
    expect(figures.get("realtime.move.p99")).toMatchObject({ value: 100, baseline: { value: 10 } });
    expect(figures.get("realtime.board.p50")).toMatchObject({ value: 0, label: "board p50 (0 requests)" });
    expect(figures.get("realtime.delivery.move.manager.p50")).toMatchObject({ value: 20, baseline: { label: "to the mover, p50", value: 10 } });
    expect(figures.get("realtime.throughput")?.value).toBe(round1(10 / 60));
  });

  it("should say when Redis did not answer and one instance ran with the in-memory bus", () => {
    const [load] = realtimeNotes(facts({ instances: 1, redis: false }), recorded(), summary());
    expect(load).toContain("ONE API process with the in-memory bus: Redis did not answer");
    expect(realtimeNotes(facts(), recorded(), summary())[0]).toContain("2 API processes");
  });

  it("should list the first problems", () => {
    const recorder = recorded();
    recorder.request("move", 5, "user 3 KanbanMoveAccount: CONFLICT: stale");
    const notes = realtimeNotes(facts(), recorder, summary({ firstProblem: "user 1 never received MOVED:7" }));
    expect(notes.at(-1)).toBe("First problems: move: user 3 KanbanMoveAccount: CONFLICT: stale · user 1 never received MOVED:7.");
  });
});

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
