import { act, screen } from "@testing-library/react";

import type { RealtimeStatus, RealtimeStatusStore } from "../../../lib/realtimeLink";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { LiveIndicator } from "./LiveIndicator";

/** A status store the test sets by hand. */
function manualStatus(initial: RealtimeStatus) {
  let status = initial;
  const listeners = new Set<() => void>();
  const store: RealtimeStatusStore = {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (next: RealtimeStatus) =>
    act(() => {
      status = next;
      listeners.forEach((listener) => listener());
    });
  return { store, set };
}

describe("LiveIndicator", () => {
  it("should say live, then reconnecting after a drop, and live again, with the dot's state in its class", () => {
    const { store, set } = manualStatus("connecting");
    renderWithProviders(<LiveIndicator status={store} />);
    expect(screen.getByRole("status").textContent).toBe("Connecting…");

    set("live");
    expect(screen.getByRole("status").textContent).toBe("Live");
    expect(screen.getByRole("status").className).toContain("live-indicator--live");

    set("reconnecting");
    expect(screen.getByRole("status").textContent).toBe("Reconnecting…");
    expect(screen.getByRole("status").getAttribute("title")).toBe("Connection lost. Changes made meanwhile show once it is back.");

    set("idle");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("should speak es-MX", () => {
    const { store, set } = manualStatus("live");
    renderWithProviders(<LiveIndicator status={store} />, { locale: "es-MX" });
    expect(screen.getByRole("status").textContent).toBe("En vivo");
    set("reconnecting");
    expect(screen.getByRole("status").textContent).toBe("Reconectando…");
  });

  it("should show nothing without a subscriptions socket (a client given its own link)", () => {
    renderWithProviders(<LiveIndicator status={null} />);
    expect(screen.queryByRole("status")).toBeNull();
  });
});
