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

/** Which status groups of the board are collapsed, remembered per user in this browser. */
export function useCollapsedGroups(viewerId: string): { collapsed: ReadonlySet<string>; toggle: (groupKey: string) => void } {
  const [collapsed, setCollapsed] = useState(() => readCollapsed(viewerId));
  const toggle = useCallback(
    (groupKey: string) => {
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(groupKey)) {
          next.add(groupKey);
        }
        try {
          window.localStorage.setItem(storageKey(viewerId), JSON.stringify([...next]));
        } catch {
          // Only the memory of the choice is lost.
        }
        return next;
      });
    },
    [viewerId],
  );
  return { collapsed, toggle };
}
