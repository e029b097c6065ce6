import { DeliveryTracker, eventKey, spread } from "./realtime-delivery";
import { ACTION_MIX, accountPicker, loadShape, planUsers, userScript, type ActionKind } from "./realtime-mix";
import { loadUserOf } from "./realtime-users";

describe("realtime-load plan", () => {
  it("should run 100 users for 60 s, and 20 for 10 s when quick, one manager in ten", () => {
    expect(loadShape(false)).toMatchObject({ users: 100, managers: 10, seconds: 60 });
    expect(loadShape(true)).toMatchObject({ users: 20, managers: 2, seconds: 10 });
  });

  it("should spread the managers among the SDRs and alternate the instances user by user", () => {
    const users = planUsers({ ...loadShape(false) }, 2);
    expect(users).toHaveLength(100);
    expect(users.filter((u) => u.role === "manager").map((u) => u.index)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const on = (role: string, instance: number) => users.filter((u) => u.role === role && u.instance === instance).length;
    // Half of each role on each instance: a move on either reaches managers on both.
    expect([on("sdr", 0), on("sdr", 1), on("manager", 0), on("manager", 1)]).toEqual([45, 45, 5, 5]);
    expect(users.filter((u) => u.role === "sdr").map((u) => u.instance).slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(planUsers(loadShape(true), 1).every((u) => u.instance === 0)).toBe(true);
  });

  it("should refuse a plan without SDRs or instances", () => {
    expect(() => planUsers({ ...loadShape(true), managers: 20 }, 2)).toThrow(/fewer managers than users/);
    expect(() => planUsers(loadShape(true), 0)).toThrow(/instances must be ≥ 1/);
  });

  it("should draw each role's actions by its weights, with think times in range, the same for the same user", () => {
    const shape = { seconds: 20_000, thinkMs: { min: 2_000, max: 6_000 } };
    for (const role of ["sdr", "manager"] as const) {
      const script = userScript({ index: 3, role, instance: 0 }, shape, Infinity);
      expect(script.length).toBe(10_001);
      const total = ACTION_MIX[role].reduce((sum, [, w]) => sum + w, 0);
      for (const [kind, weight] of ACTION_MIX[role]) {
        const share = script.filter((s) => s.action === kind).length / script.length;
        expect(Math.abs(share - weight / total)).toBeLessThan(0.02);
      }
      expect(script.every((s) => s.thinkMs >= 2_000 && s.thinkMs <= 6_000)).toBe(true);
      expect(userScript({ index: 3, role, instance: 1 }, shape, Infinity)).toEqual(script);
    }
    expect(userScript({ index: 3, role: "manager", instance: 0 }, shape, Infinity).some((s) => s.action === "move")).toBe(false);
    expect(userScript({ index: 4, role: "sdr", instance: 0 }, shape, Infinity)).not.toEqual(userScript({ index: 3, role: "sdr", instance: 0 }, shape, Infinity));
  });

  it("should turn the moves beyond the SDR's accounts into notes, so no account moves twice in a run", () => {
    const shape = { seconds: 60, thinkMs: { min: 2_000, max: 6_000 } };
    const free = userScript({ index: 7, role: "sdr", instance: 0 }, shape, Infinity);
    const capped = userScript({ index: 7, role: "sdr", instance: 0 }, shape, 2);
    const count = (list: typeof free, kind: ActionKind) => list.filter((s) => s.action === kind).length;
    expect(count(free, "move")).toBeGreaterThan(2);
    expect(count(capped, "move")).toBe(2);
    expect(count(capped, "note")).toBe(count(free, "note") + count(free, "move") - 2);
  });

  it("should pick only the user's accounts, and refuse a user without any", () => {
    const pick = accountPicker({ index: 1, role: "sdr", instance: 0 }, [11, 12, 13]);
    const picks = Array.from({ length: 60 }, pick);
    expect(new Set(picks)).toEqual(new Set([11, 12, 13]));
    expect(() => accountPicker({ index: 1, role: "sdr", instance: 0 }, [])).toThrow(/no account/);
  });

  it("should name the bench logins by role and ordinal", () => {
    expect(loadUserOf({ index: 5, role: "sdr", instance: 1 }, 4)).toMatchObject({ email: "carga-sdr-004@example.com", permissions: ["crm", "sdr", "kae"] });
    expect(loadUserOf({ index: 0, role: "manager", instance: 0 }, 1).permissions).toContain("crm-manager");
  });
});

describe("realtime-load event delivery", () => {
  // Users 0 (a manager, sees all) and 1, 2 (SDRs owning accounts 100 and 200).
  const scopes = new Map<number, Set<number> | null>([
    [0, null],
    [1, new Set([100])],
    [2, new Set([200])],
  ]);
  const sees = (user: number, account: number) => {
    const scope = scopes.get(user);
    return scope === null || scope?.has(account) === true;
  };

  it("should key moves by account and notes by note id, and ignore other kinds", () => {
    expect(eventKey({ kind: "MOVED", accountId: 100 })).toBe("MOVED:100");
    expect(eventKey({ kind: "NOTE_ADDED", accountId: 100, noteId: "Tm90ZTo5" })).toBe("NOTE_ADDED:Tm90ZTo5");
    expect(eventKey({ kind: "UPDATED", accountId: 100 })).toBeNull();
  });

  it("should time each expected delivery from the write's request, even when the event beats the write's answer", () => {
    // The SDR on instance 1 moves; the manager on instance 0 receives it through the bus.
    const tracker = new DeliveryTracker(sees, (user) => (user === 0 ? 0 : 1), (user) => (user === 0 ? "manager" : "sdr"));
    tracker.receive(1, { kind: "MOVED", accountId: 100 }, 1_030);
    tracker.expect("MOVED:100", "MOVED", 1_000, [1, 0], { origin: 1 });
    expect(tracker.pending()).toBe(1);
    tracker.receive(0, { kind: "MOVED", accountId: 100 }, 1_050);
    expect(tracker.pending()).toBe(0);
    const summary = tracker.summary();
    expect(summary).toMatchObject({ expected: 2, delivered: 2, missed: 0, duplicates: 0, outOfScope: 0, unmatched: 0, crossInstance: 1, firstProblem: null });
    expect(summary.latencies.MOVED.sort()).toEqual([30, 50]);
    expect(summary.byGroup.MOVED).toEqual({ sdr: [30], manager: [50] });
  });

  it("should count missed, duplicate and out-of-scope events as problems, and unexplained ones apart", () => {
    const tracker = new DeliveryTracker(sees);
    tracker.expect("NOTE_ADDED:n1", "NOTE_ADDED", 0, [2, 0]);
    tracker.receive(0, { kind: "NOTE_ADDED", accountId: 200, noteId: "n1" }, 5);
    tracker.receive(0, { kind: "NOTE_ADDED", accountId: 200, noteId: "n1" }, 6);
    tracker.receive(1, { kind: "MOVED", accountId: 200 }, 7);
    tracker.receive(0, { kind: "MOVED", accountId: 999 }, 8);
    const summary = tracker.summary();
    expect(summary).toMatchObject({ expected: 2, delivered: 1, missed: 1, duplicates: 1, outOfScope: 1, unmatched: 1 });
    expect(summary.firstProblem).toBe("user 1 received MOVED of account 200, outside their scope");
  });

  it("should count the warm-up's misses but not its times, and refuse one event expected twice", () => {
    const tracker = new DeliveryTracker(sees);
    tracker.expect("NOTE_ADDED:w", "NOTE_ADDED", 0, [0], { measured: false });
    tracker.receive(0, { kind: "NOTE_ADDED", accountId: 1, noteId: "w" }, 900);
    tracker.expect("NOTE_ADDED:x", "NOTE_ADDED", 0, [0], { measured: false });
    const summary = tracker.summary();
    expect(summary.latencies.NOTE_ADDED).toEqual([]);
    expect(summary.missed).toBe(1);
    expect(() => tracker.expect("NOTE_ADDED:w", "NOTE_ADDED", 0, [0])).toThrow(/same event/);
  });

  it("should give p50/p95/p99 of samples, and zeros without any", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(spread(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
    expect(spread([])).toEqual({ count: 0, p50: 0, p95: 0, p99: 0 });
  });
});
