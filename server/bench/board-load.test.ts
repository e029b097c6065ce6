import { fromGlobalId } from "../src/graphql/global-id";
import { planMoves } from "./board-load.bench";
import { responseProblem } from "./load-driver";

describe("board-load move plan", () => {
  const statuses = [5, 6, 7, 8];

  it("should move every account once, to a real status other than its own, the targets rotating", () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({ id: 100 + i, version: 1 + (i % 3), statusId: statuses[i % statuses.length]! }));
    const moves = planMoves(candidates, statuses);
    expect(moves.map((m) => fromGlobalId(m.accountId).id)).toEqual(candidates.map((c) => c.id));
    moves.forEach((move, i) => {
      expect(statuses).toContain(move.followUpStatusId);
      expect(move.followUpStatusId).not.toBe(candidates[i]!.statusId);
      expect(move.version).toBe(candidates[i]!.version);
    });
    // Accounts of one column go to each of the other columns in turn.
    const fromFirst = moves.filter((_, i) => candidates[i]!.statusId === 5).map((m) => m.followUpStatusId);
    expect(new Set(fromFirst)).toEqual(new Set([6, 7, 8]));
  });

  it("should send an account in a retired status to an active one, and refuse fewer than two statuses", () => {
    const [move] = planMoves([{ id: 1, version: 4, statusId: 99 }], statuses);
    expect(statuses).toContain(move!.followUpStatusId);
    expect(() => planMoves([{ id: 1, version: 1, statusId: 5 }], [5])).toThrow(/two active follow-up statuses/);
  });
});

describe("board-load response check", () => {
  const ok = () => null;

  it("should accept HTTP 200 with data and no errors when the check passes", () => {
    expect(responseProblem(200, JSON.stringify({ data: { moveAccount: { id: "x" } } }), ok)).toBeNull();
  });

  it("should name GraphQL errors, HTTP failures, bodies that are not JSON and failed checks", () => {
    expect(responseProblem(200, JSON.stringify({ data: null, errors: [{ message: "stale", extensions: { code: "CONFLICT" } }] }), ok)).toBe("CONFLICT: stale");
    expect(responseProblem(429, "slow down", ok)).toMatch(/^HTTP 429/);
    expect(responseProblem(200, "<html>", ok)).toMatch(/^not JSON/);
    expect(responseProblem(200, JSON.stringify({ data: { a: 1 } }), () => "wrong status")).toBe("wrong status");
  });
});
