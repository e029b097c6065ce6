import type { ComponentType } from "react";

import type { AccountFilter, AccountOrder } from "../../__generated__/graphql";
import { CalendarView } from "../calendar/CalendarView";
import { KanbanView } from "./kanban/KanbanView";
import { ListView } from "./list/ListView";

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
}

/**
 * The CRM page's views, in switcher order; only the active one is mounted. Kanban and Calendar
 * join this list when their issue lands (add the key to CrmViewDefinition and its label to
 * crmMessages.views).
 */
export const crmViews: readonly CrmViewDefinition[] = [
  { key: "kanban", component: KanbanView },
  { key: "list", component: ListView },
  { key: "calendar", component: CalendarView },
];

/** The list stays the default: links without `?view=` keep opening what they always did. */
export const defaultCrmView: CrmViewDefinition = crmViews.find((view) => view.key === "list") as CrmViewDefinition;

export function findCrmView(key: string | null): CrmViewDefinition {
  return crmViews.find((view) => view.key === key) ?? defaultCrmView;
}
