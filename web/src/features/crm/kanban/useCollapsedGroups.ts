import { useCallback, useState } from "react";

function storageKey(viewerId: string): string {
  return `crm.kanban.collapsedGroups.${viewerId}`;
}

function readCollapsed(viewerId: string): ReadonlySet<string> {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(storageKey(viewerId)) ?? "[]");
    return new Set(Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : []);
  } catch {
    // Unreadable or disabled storage: every group open.
    return new Set();
  }
}

function storeCollapsed(viewerId: string, collapsed: ReadonlySet<string>): void {
  try {
    window.localStorage.setItem(storageKey(viewerId), JSON.stringify([...collapsed]));
  } catch {
    // Only the memory of the choice is lost.
  }
}

/** Which status groups of the board are collapsed, remembered per user in this browser. */
export function useCollapsedGroups(viewerId: string): { collapsed: ReadonlySet<string>; toggle: (groupKey: string) => void } {
  const [entry, setEntry] = useState(() => ({ viewerId, collapsed: readCollapsed(viewerId) }));
  // The viewer is known only once `me` has loaded: read that user's choice then.
  let current = entry;
  if (entry.viewerId !== viewerId) {
    current = { viewerId, collapsed: readCollapsed(viewerId) };
    setEntry(current);
  }
  const toggle = useCallback(
    (groupKey: string) => {
      setEntry((previous) => {
        const next = new Set(previous.collapsed);
        if (!next.delete(groupKey)) {
          next.add(groupKey);
        }
        storeCollapsed(previous.viewerId, next);
        return { viewerId: previous.viewerId, collapsed: next };
      });
    },
    [],
  );
  return { collapsed: current.collapsed, toggle };
}
