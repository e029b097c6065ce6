import { render, screen } from "@testing-library/react";
import { Suspense } from "react";

import { lazyView, type CrmViewProps } from "./views";

const props: CrmViewProps = { filter: undefined, sort: null, onSortChange: () => undefined, openAccountId: null, onOpenAccount: () => undefined };

function FakeView({ openAccountId }: CrmViewProps) {
  return <p>view {openAccountId ?? "none"}</p>;
}

/** A chunk download the test finishes by hand. */
function deferredChunk() {
  let finish: () => void = () => undefined;
  const downloaded = new Promise<void>((resolve) => (finish = resolve));
  const load = jest.fn(() => downloaded.then(() => FakeView));
  return { load, finish };
}

function renderView(view: ReturnType<typeof lazyView>) {
  const View = view.component;
  return render(
    <Suspense fallback={<p>loading</p>}>
      <View {...props} />
    </Suspense>,
  );
}

describe("lazyView", () => {
  it("should show the fallback until the chunk arrives when the view was not preloaded", async () => {
    const chunk = deferredChunk();
    const view = lazyView(chunk.load);

    renderView(view);
    expect(screen.getByText("loading")).toBeTruthy();

    chunk.finish();
    expect(await screen.findByText("view none")).toBeTruthy();
  });

  it("should render a preloaded view at once, without suspending", async () => {
    const chunk = deferredChunk();
    const view = lazyView(chunk.load);

    view.preload();
    chunk.finish();
    await chunk.load.mock.results[0]?.value;

    renderView(view);
    expect(screen.getByText("view none")).toBeTruthy();
    expect(screen.queryByText("loading")).toBeNull();
  });

  it("should download the chunk once however often it is preloaded and rendered", async () => {
    const chunk = deferredChunk();
    const view = lazyView(chunk.load);

    view.preload();
    view.preload();
    renderView(view);
    chunk.finish();

    expect(await screen.findByText("view none")).toBeTruthy();
    expect(chunk.load).toHaveBeenCalledTimes(1);
  });

  it("should download again after a failed download", async () => {
    const load = jest.fn<Promise<typeof FakeView>, []>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(FakeView);
    const view = lazyView(load);

    view.preload();
    // Handlers run in the order they were attached: lazyView's own runs before this one.
    await (load.mock.results[0]?.value as Promise<unknown>).catch(() => undefined);
    renderView(view);

    expect(await screen.findByText("view none")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
