import { createElement, lazy, useState, type ComponentType } from "react";

import type { AccountFilter, AccountOrder } from "../../__generated__/graphql";
import { CalendarView } from "../calendar/CalendarView";

/** What the CRM page gives every view: the server filter, the URL's sort and the open account. */
export interface CrmViewProps {
  readonly filter: AccountFilter | undefined;
  readonly sort: AccountOrder | null;
  readonly onSortChange: (sort: AccountOrder | null) => void;
  readonly openAccountId: string | null;
  readonly onOpenAccount: (accountId: string) => void;
}

export interface CrmViewDefinition {
  /** `?view=` value and the key of its label in crmMessages.views. */
  readonly key: "kanban" | "list" | "calendar";
  readonly component: ComponentType<CrmViewProps>;
  /** Starts downloading the view's chunk (main.tsx does it for the view in the URL at startup). */
  readonly preload: () => void;
}

/**
 * A view in its own chunk (the board brings the drag-and-drop library, the list TanStack Table):
 * the initial JS carries none of them, and the one in the URL downloads while the session is
 * checked. Once downloaded the view renders at once: a lazy() component would still suspend on its
 * first render, and React holds back the content that replaces a fallback, which would delay the
 * view's own queries.
 */
export function lazyView(load: () => Promise<ComponentType<CrmViewProps>>): Pick<CrmViewDefinition, "component" | "preload"> {
  let loaded: ComponentType<CrmViewProps> | null = null;
  let pending: Promise<ComponentType<CrmViewProps>> | null = null;
  // One download however often it is preloaded and rendered; a failed one may be tried again.
  const loadOnce = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })));
  function LazyView(props: CrmViewProps) {
    // Fixed for the mount: switching from Lazy to the loaded component later would remount the view.
    const [Component] = useState<ComponentType<CrmViewProps>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return {
    component: LazyView,
    // A failed download surfaces when the view renders (lazy() loads again, through the error boundary).
    preload: () => void loadOnce().catch(() => undefined),
  };
}

/**
 * The CRM page's views, in switcher order; only the active one is mounted. Kanban and Calendar
 * join this list when their issue lands (add the key to CrmViewDefinition and its label to
 * crmMessages.views).
 */
export const crmViews: readonly CrmViewDefinition[] = [
  { key: "kanban", ...lazyView(() => import("./kanban/KanbanView").then((module) => module.KanbanView)) },
  { key: "list", ...lazyView(() => import("./list/ListView").then((module) => module.ListView)) },
  // A small shell that lazy-loads FullCalendar itself.
  { key: "calendar", component: CalendarView, preload: () => undefined },
];

/** The list stays the default: links without `?view=` keep opening what they always did. */
export const defaultCrmView: CrmViewDefinition = crmViews.find((view) => view.key === "list") as CrmViewDefinition;

export function findCrmView(key: string | null): CrmViewDefinition {
  return crmViews.find((view) => view.key === key) ?? defaultCrmView;
}

/** Starts downloading the chunk of the CRM view a URL's `?view=` names (the default view without one). */
export function preloadCrmView(search: string): void {
  findCrmView(new URLSearchParams(search).get("view")).preload();
}
