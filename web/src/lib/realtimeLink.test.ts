import { isRefusedSocketError, maxRetryDelayMs, retryDelayMs, shouldRetrySocket, watchRealtimeStatus, webSocketUrlOf } from "./realtimeLink";

describe("webSocketUrlOf", () => {
  it.each([
    ["/graphql", "http://crm.example.com/?view=kanban", "ws://crm.example.com/graphql"],
    ["/graphql", "https://crm.example.com/accounts#x", "wss://crm.example.com/graphql"],
    ["/graphql", "http://127.0.0.1:5173/", "ws://127.0.0.1:5173/graphql"],
    ["https://api.example.com/graphql", "http://localhost:5173/", "wss://api.example.com/graphql"],
  ])("should open %s from %s on %s", (graphqlUrl, page, expected) => {
    expect(webSocketUrlOf(graphqlUrl, { href: page })).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  it("should double from 1 s up to the cap, with jitter between half and all of it", () => {
    expect([0, 1, 2, 3].map((retries) => retryDelayMs(retries, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(50, () => 1)).toBe(maxRetryDelayMs);
    expect(retryDelayMs(50, () => 0)).toBe(maxRetryDelayMs / 2);
  });
});

describe("shouldRetrySocket", () => {
  it("should retry a dropped socket or a failed connection but not a refused session", () => {
    expect(shouldRetrySocket({ code: 1006, reason: "" })).toBe(true);
    expect(shouldRetrySocket({ code: 1001, reason: "going away" })).toBe(true);
    expect(shouldRetrySocket(new Event("error"))).toBe(true);
    expect(shouldRetrySocket({ code: 4401, reason: "Unauthorized" })).toBe(false);
    expect(shouldRetrySocket({ code: 4403, reason: "Forbidden" })).toBe(false);
  });
});

describe("isRefusedSocketError", () => {
  it("should recognise a subscription ended by a refused session, and nothing else", () => {
    expect(isRefusedSocketError(new Error("Socket closed with event 4401 Session ended"))).toBe(true);
    expect(isRefusedSocketError(new Error("Socket closed with event 4403 Forbidden: the Origin is not this site"))).toBe(true);
    expect(isRefusedSocketError(new Error("Socket closed with event 4500 Internal"))).toBe(false);
    expect(isRefusedSocketError(new Error("Socket closed"))).toBe(false);
    expect(isRefusedSocketError({ code: 4401 })).toBe(false);
  });
});

describe("watchRealtimeStatus", () => {
  /** The socket client's event emitter, as a fake: each test fires the events graphql-ws would. */
  function fakeSocketClient() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const on = jest.fn((event: string, listener: (...args: unknown[]) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    });
    const fire = (event: string, ...args: unknown[]) => listeners.get(event)?.(...args);
    return { client: { on } as unknown as Parameters<typeof watchRealtimeStatus>[0], fire };
  }

  it("should go connecting → live → reconnecting after a drop → live, and idle when the lazy socket or a refused session closes it", () => {
    const { client, fire } = fakeSocketClient();
    const status = watchRealtimeStatus(client);
    const seen: string[] = [];
    status.subscribe(() => seen.push(status.get()));

    expect(status.get()).toBe("idle");
    fire("connecting", false);
    fire("connected", {}, {}, false);
    fire("closed", { code: 1006, reason: "" });
    fire("connecting", true);
    fire("connected", {}, {}, true);
    fire("closed", { code: 1000, reason: "Normal Closure" });
    fire("connecting", false);
    fire("closed", { code: 4401, reason: "Unauthorized" });
    expect(seen).toEqual(["connecting", "live", "reconnecting", "live", "idle", "connecting", "idle"]);
  });

  it("should stop telling a listener once it unsubscribed", () => {
    const { client, fire } = fakeSocketClient();
    const status = watchRealtimeStatus(client);
    const listener = jest.fn();
    const unsubscribe = status.subscribe(listener);
    fire("connecting", false);
    unsubscribe();
    fire("connected", {}, {}, false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(status.get()).toBe("live");
  });
});
