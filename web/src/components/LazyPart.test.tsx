import { render, screen } from "@testing-library/react";
import { lazy, type ComponentType } from "react";

import { I18nProvider } from "../lib/I18nProvider";
import { LazyPart } from "./LazyPart";

/** A lazy component whose chunk download the test settles by hand. */
function deferredLazy() {
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const downloaded = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const Part = lazy(() => downloaded.then(() => ({ default: () => <p>the view</p> })));
  return { Part, settle };
}

function renderPart(Part: ComponentType) {
  return render(
    <I18nProvider initialLocale="es-MX">
      <p>filter bar</p>
      <LazyPart fallback={<p role="status">loading</p>}>
        <Part />
      </LazyPart>
    </I18nProvider>,
  );
}

describe("LazyPart", () => {
  it("should show the fallback while the chunk downloads, then the part", async () => {
    const { Part, settle } = deferredLazy();
    renderPart(Part);
    expect(screen.getByRole("status").textContent).toBe("loading");

    settle.resolve();
    expect(await screen.findByText("the view")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("should replace only its own part with an alert and Reload when the chunk cannot be downloaded", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { Part, settle } = deferredLazy();
    renderPart(Part);

    settle.reject(new Error("Failed to fetch dynamically imported module"));
    expect((await screen.findByRole("alert")).textContent).toContain("Algo salió mal.");
    expect(screen.getByRole("button", { name: "Recargar" })).toBeTruthy();
    expect(screen.getByText("filter bar")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
    consoleError.mockRestore();
  });
});
