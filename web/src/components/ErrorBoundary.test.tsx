import { render, screen } from "@testing-library/react";

import { I18nProvider } from "../lib/I18nProvider";
import { ErrorBoundary } from "./ErrorBoundary";

function Broken(): never {
  throw new Error("render failed");
}

describe("ErrorBoundary", () => {
  it("should show the fallback in the current language instead of a blank page when a child throws", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <I18nProvider initialLocale="es-MX">
        <p>top bar</p>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </I18nProvider>,
    );

    expect(screen.getByRole("alert").textContent).toContain("Algo salió mal.");
    expect(screen.getByRole("button", { name: "Recargar" })).toBeTruthy();
    expect(screen.getByText("top bar")).toBeTruthy();
    consoleError.mockRestore();
  });

  it("should render its children when nothing throws", () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText("fine")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
