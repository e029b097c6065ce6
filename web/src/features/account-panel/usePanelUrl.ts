import { useCallback } from "react";
import { useSearchParams } from "react-router";

/** The URL parameters the side panel owns: `account` (global id) and `tab`. Other parameters are kept. */
export const panelParams = { account: "account", tab: "tab" } as const;

export interface PanelUrl {
  readonly accountId: string | null;
  readonly tab: string | null;
  readonly open: (accountId: string) => void;
  readonly close: () => void;
  readonly setTab: (tab: string) => void;
}

export function usePanelUrl(): PanelUrl {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: (next: URLSearchParams) => void, replace: boolean) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  return {
    accountId: params.get(panelParams.account) || null,
    tab: params.get(panelParams.tab),
    open: useCallback(
      (accountId: string) =>
        update((next) => {
          next.set(panelParams.account, accountId);
          next.delete(panelParams.tab);
        }, false),
      [update],
    ),
    close: useCallback(
      () =>
        update((next) => {
          next.delete(panelParams.account);
          next.delete(panelParams.tab);
        }, false),
      [update],
    ),
    setTab: useCallback((tab: string) => update((next) => next.set(panelParams.tab, tab), true), [update]),
  };
}
