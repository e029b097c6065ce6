import { act, renderHook } from "@testing-library/react";

import { useNextPage, type NextPageInput } from "./useNextPage";

/** fetchMore calls the test settles by hand. */
function heldFetchMore() {
  const calls: Array<{ after: string; resolve: () => void; reject: (error: Error) => void }> = [];
  const fetchMore = jest.fn(
    ({ variables }: { variables: { after: string } }) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ after: variables.after, resolve, reject });
      }),
  );
  return { fetchMore, calls };
}

describe("useNextPage", () => {
  it("should ask for each cursor's page once, however often the end of the list is reached", () => {
    const { fetchMore } = heldFetchMore();
    const { result } = renderHook(() => useNextPage({ endCursor: "c100", hasNextPage: true, loadingMore: false, fetchMore }));

    act(() => result.current.loadMore());
    act(() => result.current.loadMore());
    expect(fetchMore.mock.calls.map(([options]) => options.variables.after)).toEqual(["c100"]);
  });

  it("should ask nothing without a next page or while a page is loading", () => {
    const { fetchMore } = heldFetchMore();
    const { result, rerender } = renderHook((input: Omit<NextPageInput, "fetchMore">) => useNextPage({ ...input, fetchMore }), {
      initialProps: { endCursor: "c100", hasNextPage: false, loadingMore: false },
    });
    act(() => result.current.loadMore());
    rerender({ endCursor: "c100", hasNextPage: true, loadingMore: true });
    act(() => result.current.loadMore());
    expect(fetchMore).not.toHaveBeenCalled();
  });

  it("should stop after a failed page until retry asks for it again", async () => {
    const { fetchMore, calls } = heldFetchMore();
    const { result } = renderHook(() => useNextPage({ endCursor: "c100", hasNextPage: true, loadingMore: false, fetchMore }));

    act(() => result.current.loadMore());
    await act(async () => calls[0]?.reject(new Error("offline")));
    expect(result.current.error?.message).toBe("offline");

    act(() => result.current.loadMore());
    expect(fetchMore).toHaveBeenCalledTimes(1);

    act(() => result.current.retry());
    expect(fetchMore).toHaveBeenCalledTimes(2);
    expect(calls[1]?.after).toBe("c100");
    expect(result.current.error).toBeUndefined();
  });
});
