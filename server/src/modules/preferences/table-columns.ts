import type { TableView } from "./table-preference.entity";

/**
 * THE list of account column keys the views know (the web's list columns, Kanban card
 * fields and calendar popover fields use the same keys). Saved preferences are validated
 * against it; the web reads it from `tablePreferences(view).availableColumns`.
 */
export const ACCOUNT_COLUMNS = [
  "name",
  "companyName",
  "email",
  "phone",
  "type",
  "followUpStatus",
  "salesman",
  "createdBy",
  "locale",
  "channel",
  "accountValue",
  "monthlyShipments",
  "ecommerceType",
  "accountSize",
  "estimatedCloseDate",
  "lastActivityAt",
  "nextScheduledActivity",
  "createdAt",
  "updatedAt",
] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];

/** Columns `accounts(orderBy)` can sort by (AccountOrderField). */
export const SORTABLE_COLUMNS: readonly AccountColumn[] = ["createdAt", "updatedAt", "name", "companyName"];

/** AccountFilter fields a saved filter may hold. */
export const FILTER_KEYS = [
  "search",
  "statusIds",
  "types",
  "accountStatuses",
  "ecommerceTypeIds",
  "accountSizes",
  "channels",
  "localeIds",
  "createdAt",
  "salesmanIds",
  "salesRoles",
] as const;

/** What a view shows before its user saves anything. */
export const DEFAULT_VISIBLE: Record<TableView, readonly AccountColumn[]> = {
  // The web's defaultVisibleColumns (web/src/features/crm/list/columns.tsx).
  list: ["name", "companyName", "type", "followUpStatus", "salesman", "locale", "lastActivityAt", "createdAt"],
  kanban: ["companyName", "name", "salesman", "accountValue", "nextScheduledActivity"],
  calendar: ["companyName", "name", "salesman", "followUpStatus"],
};
