import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";

import type { AccountOrderField, AccountsTable_AccountFragment } from "../../../__generated__/graphql";
import type { Formatters } from "../../../lib/format";
import { useI18n, useT } from "../../../lib/i18n";
import { crmMessages } from "../messages";
import { listMessages } from "./messages";

type Account = AccountsTable_AccountFragment;

/**
 * Every column of the list, in the default order. The keys are the server's (TablePreferences
 * availableColumns, server/src/modules/preferences/table-columns.ts): unknown keys are rejected there.
 */
export const listColumnKeys = [
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
  "ecommerceType",
  "accountSize",
  "accountValue",
  "monthlyShipments",
  "estimatedCloseDate",
  "lastActivityAt",
  "nextScheduledActivity",
  "createdAt",
  "updatedAt",
] as const;

export type ListColumnKey = (typeof listColumnKeys)[number];

export const defaultVisibleColumns: readonly ListColumnKey[] = [
  "name",
  "companyName",
  "type",
  "followUpStatus",
  "salesman",
  "locale",
  "lastActivityAt",
  "createdAt",
];

export const defaultColumnWidth = 160;
export const minColumnWidth = 60;
export const maxColumnWidth = 600;

/** Columns the server can sort by (AccountOrder); the others are not sortable. */
export const sortFieldByColumn: Partial<Readonly<Record<ListColumnKey, AccountOrderField>>> = {
  name: "NAME",
  companyName: "COMPANY_NAME",
  createdAt: "CREATED_AT",
  updatedAt: "UPDATED_AT",
};

/** A cell's plain text: what the table shows and what the CSV export writes. */
export function cellText(key: ListColumnKey, account: Account, format: Formatters, labels: CellLabels): string {
  const data = account.followUpData;
  switch (key) {
    case "name":
      return account.name;
    case "companyName":
      return account.companyName;
    case "email":
      return account.email ?? "";
    case "phone":
      return account.phone?.e164 ?? "";
    case "type":
      return labels.types[account.type];
    case "followUpStatus":
      return account.followUpStatus.name;
    case "salesman":
      return account.salesman?.name ?? "";
    case "createdBy":
      return account.createdBy.name;
    case "locale":
      return account.locale.name;
    case "channel":
      return data?.channel?.name ?? "";
    case "ecommerceType":
      return data?.ecommerceType?.name ?? "";
    case "accountSize":
      return data?.accountSize ? labels.sizes[data.accountSize] : "";
    case "accountValue":
      return data?.accountValue == null ? "" : format.money(data.accountValue);
    case "monthlyShipments":
      return data?.monthlyShipments == null ? "" : format.number(data.monthlyShipments);
    case "estimatedCloseDate":
      // A calendar day (YYYY-MM-DD): format it at local noon so no time zone moves it a day.
      return data?.estimatedCloseDate ? format.date(`${data.estimatedCloseDate}T12:00:00`) : "";
    case "lastActivityAt":
      return account.lastActivityAt ? format.dateTime(account.lastActivityAt) : "";
    case "nextScheduledActivity":
      return account.nextScheduledActivity?.scheduledDate ? format.dateTime(account.nextScheduledActivity.scheduledDate) : "";
    case "createdAt":
      return format.date(account.createdAt);
    case "updatedAt":
      return format.dateTime(account.updatedAt);
  }
}

type CrmStrings = (typeof crmMessages)["en"];
export type CellLabels = Pick<CrmStrings, "types" | "sizes">;

/** The TanStack column definitions in the current locale. */
export function useListColumns(): { columns: ColumnDef<Account>[]; headers: Readonly<Record<ListColumnKey, string>> } {
  const { format } = useI18n();
  const crm = useT(crmMessages);
  const t = useT(listMessages);
  return useMemo(() => {
    const columns = listColumnKeys.map(
      (key): ColumnDef<Account> => ({
        id: key,
        header: t.columns[key],
        accessorFn: (account) => cellText(key, account, format, crm),
        size: defaultColumnWidth,
        minSize: minColumnWidth,
        maxSize: maxColumnWidth,
        enableSorting: sortFieldByColumn[key] !== undefined,
      }),
    );
    return { columns, headers: t.columns };
  }, [crm, format, t]);
}
