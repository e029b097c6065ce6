import { act, fireEvent, render, screen } from "@testing-library/react";

import { I18nProvider } from "../lib/I18nProvider";
import { ToastProvider, useToast } from "./Toast";

function Trigger({ onUndo }: { onUndo: () => void }) {
  const toast = useToast();
  return (
    <>
      <button type="button" onClick={() => toast.success("Saved", { action: { label: "Undo", onClick: onUndo } })}>
        ok
      </button>
      <button type="button" onClick={() => toast.error("Broken")}>
        fail
      </button>
    </>
  );
}

function renderToasts(onUndo = jest.fn()) {
  render(
    <I18nProvider initialLocale="en">
      <ToastProvider>
        <Trigger onUndo={onUndo} />
      </ToastProvider>
    </I18nProvider>,
  );
  return onUndo;
}

describe("ToastProvider", () => {
  afterEach(() => jest.useRealTimers());

  it("should announce a success as a status and an error as an alert", () => {
    renderToasts();
    fireEvent.click(screen.getByRole("button", { name: "ok" }));
    fireEvent.click(screen.getByRole("button", { name: "fail" }));

    expect(screen.getByRole("status").textContent).toContain("Saved");
    expect(screen.getByRole("alert").textContent).toContain("Broken");
  });

  it("should run the action and dismiss the toast when its action is clicked", () => {
    const onUndo = renderToasts();
    fireEvent.click(screen.getByRole("button", { name: "ok" }));

    fireEvent.click(screen.getByRole("button", { name: "Undo" }));

    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Saved")).toBeNull();
  });

  it("should dismiss a success by itself but keep an error until it is closed", () => {
    jest.useFakeTimers();
    renderToasts();
    fireEvent.click(screen.getByRole("button", { name: "ok" }));
    fireEvent.click(screen.getByRole("button", { name: "fail" }));

    act(() => {
      jest.advanceTimersByTime(60_000);
    });

    expect(screen.queryByText("Saved")).toBeNull();
    expect(screen.getByText("Broken")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByText("Broken")).toBeNull();
  });

  it("should fail loudly when used outside the provider", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => render(<Trigger onUndo={jest.fn()} />)).toThrow("ToastProvider");
    spy.mockRestore();
  });
});
