import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabSpec<K extends string> {
  readonly key: K;
  readonly label: ReactNode;
}

interface TabListProps<K extends string> {
  /** The tablist's accessible name. */
  readonly label: string;
  readonly tabs: ReadonlyArray<TabSpec<K>>;
  readonly active: K;
  readonly onSelect: (key: K) => void;
  /** Prefix of the tabs' ids (`<prefix>-tab-<key>`) and of the panels' they control (`<prefix>-tabpanel-<key>`). */
  readonly idPrefix: string;
  readonly className?: string;
  /** Classes of a tab, selected or not. */
  readonly tabClassName?: (selected: boolean) => string;
}

/** The ids a tab's panel carries (`id`, `aria-labelledby`), matching TabList's. */
export function tabPanelIds(idPrefix: string, key: string): { id: string; "aria-labelledby": string } {
  return { id: `${idPrefix}-tabpanel-${key}`, "aria-labelledby": `${idPrefix}-tab-${key}` };
}

/**
 * WAI-ARIA tabs: one tab stop (the selected tab), arrow keys and Home/End select and focus the
 * neighbour. The caller renders the selected tab's panel with `tabPanelIds`.
 */
export function TabList<K extends string>({ label, tabs, active, onSelect, idPrefix, className, tabClassName }: TabListProps<K>) {
  const tabRefs = useRef(new Map<K, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((spec) => spec.key === active);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next) {
      onSelect(next.key);
      tabRefs.current.get(next.key)?.focus();
    }
  }

  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((spec) => {
        const selected = spec.key === active;
        return (
          <button
            key={spec.key}
            ref={(element) => {
              if (element) {
                tabRefs.current.set(spec.key, element);
              } else {
                tabRefs.current.delete(spec.key);
              }
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${spec.key}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-tabpanel-${spec.key}`}
            tabIndex={selected ? 0 : -1}
            className={tabClassName?.(selected)}
            onClick={() => onSelect(spec.key)}
          >
            {spec.label}
          </button>
        );
      })}
    </div>
  );
}
