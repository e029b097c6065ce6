import type { ComponentType } from "react";

import type { AccountFilter, AccountOrder } from "../../__generated__/graphql";
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
  readonly key: "list";
  readonly component: ComponentType<CrmViewProps>;
}

/**
 * The CRM page's views, in switcher order; only the active one is mounted. Kanban and Calendar
 * join this list when their issue lands (add the key to CrmViewDefinition and its label to
 * crmMessages.views).
 */
export const crmViews: readonly CrmViewDefinition[] = [{ key: "list", component: ListView }];

export const defaultCrmView: CrmViewDefinition = crmViews[0] as CrmViewDefinition;

export function findCrmView(key: string | null): CrmViewDefinition {
  return crmViews.find((view) => view.key === key) ?? defaultCrmView;
}
