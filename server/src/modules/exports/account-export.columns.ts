import type { UserEntity } from "../auth/user.entity";
import type { Catalogs } from "../catalogs/catalog.types";
import type { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import type { ActivitySummary } from "../notes/note.loaders";
import type { ImportColumnKey } from "../imports/import-columns";
import type { AccountColumn } from "../preferences/table-columns";
import type { AccountEntity } from "../accounts/account.entity";
import { accountTypeOf } from "../accounts/account.types";

/** One account with what its cells need (loaded per batch, only for the chosen columns). */
export interface ExportRecord {
  account: AccountEntity;
  followUp: FollowUpDataEntity | null;
  salesman: UserEntity | null;
  creator: UserEntity | null;
  activity: ActivitySummary | null;
}

/** What a column needs loaded besides the account row. */
export type ExportNeed = "followUp" | "users" | "activity";

interface ExportColumnSpec {
  /** CSV header(s): the import's canonical names where the import reads the column. */
  headers: readonly string[];
  needs: readonly ExportNeed[];
  cells(record: ExportRecord, catalogs: Catalogs): Array<string | null>;
}

/** A header the import reads back (imports/import-columns.ts): a rename there fails to compile here. */
const imported = (key: ImportColumnKey): string => key;

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
const byId = <T extends { id: number }>(items: readonly T[], id: number | null | undefined): T | undefined =>
  id === null || id === undefined ? undefined : items.find((item) => item.id === id);

/**
 * How each list column (preferences/table-columns.ts) is written. Values are plain and
 * machine-readable (ISO dates, dot decimals, catalog keys/codes, e-mails for users), so a
 * file re-imports and a BI tool reads it without locale guessing. The phone is two columns,
 * `phone_code` (digits, no "+") and `phone` (national digits), which never start with a
 * formula trigger. Columns the import does not read (type, users, dates, follow-up figures)
 * get headers no import alias matches, so a re-import lists them as unmapped instead of
 * misreading them: `monthlyShipments` is follow-up data's shipment count, not the account's
 * range the import's `monthly_shipments` means. A new AccountColumn does not compile until
 * it is listed here.
 */
export const EXPORT_COLUMNS: Record<AccountColumn, ExportColumnSpec> = {
  name: { headers: [imported("name")], needs: [], cells: ({ account }) => [account.name] },
  companyName: { headers: [imported("company_name")], needs: [], cells: ({ account }) => [account.companyName] },
  email: { headers: [imported("email")], needs: [], cells: ({ account }) => [account.email] },
  phone: { headers: [imported("phone_code"), imported("phone")], needs: [], cells: ({ account }) => [account.phone ? account.phoneCode : null, account.phone] },
  type: { headers: ["type"], needs: [], cells: ({ account }) => [accountTypeOf(account.type)] },
  followUpStatus: {
    headers: [imported("follow_up_status")],
    needs: [],
    cells: ({ account }, catalogs) => [byId(catalogs.followUpStatuses, account.followUpId)?.name ?? String(account.followUpId)],
  },
  salesman: { headers: ["salesman_email"], needs: ["users"], cells: ({ salesman }) => [salesman?.email ?? null] },
  createdBy: { headers: ["created_by_email"], needs: ["users"], cells: ({ creator }) => [creator?.email ?? null] },
  locale: { headers: [imported("country")], needs: [], cells: ({ account }, catalogs) => [byId(catalogs.locales, account.localeId)?.code ?? null] },
  channel: { headers: [imported("channel")], needs: ["followUp"], cells: ({ followUp }) => [followUp?.channel ?? null] },
  accountValue: {
    headers: ["account_value"],
    needs: ["followUp"],
    cells: ({ followUp }) => [followUp?.accountValue === null || followUp?.accountValue === undefined ? null : followUp.accountValue.toFixed(2)],
  },
  monthlyShipments: {
    headers: ["follow_up_monthly_shipments"],
    needs: ["followUp"],
    cells: ({ followUp }) => [followUp?.monthlyShipments === null || followUp?.monthlyShipments === undefined ? null : String(followUp.monthlyShipments)],
  },
  ecommerceType: {
    headers: ["ecommerce_type"],
    needs: ["followUp"],
    cells: ({ followUp }, catalogs) => [byId(catalogs.ecommerceTypes, followUp?.ecommerceTypeId)?.key ?? null],
  },
  accountSize: { headers: ["account_size"], needs: ["followUp"], cells: ({ followUp }) => [followUp?.accountType ?? null] },
  estimatedCloseDate: { headers: ["estimated_close_date"], needs: ["followUp"], cells: ({ followUp }) => [followUp?.estimatedCloseDate ?? null] },
  lastActivityAt: { headers: ["last_activity_at"], needs: ["activity"], cells: ({ activity }) => [iso(activity?.lastActivityAt)] },
  nextScheduledActivity: {
    headers: ["next_scheduled_activity_at", "next_scheduled_activity"],
    needs: ["activity"],
    cells: ({ activity }) => [iso(activity?.nextScheduled?.scheduledDate), activity?.nextScheduled?.comment ?? null],
  },
  createdAt: { headers: ["created_at"], needs: [], cells: ({ account }) => [iso(account.createdAt)] },
  updatedAt: { headers: ["updated_at"], needs: [], cells: ({ account }) => [iso(account.updatedAt)] },
};

/** The header row of these columns, in order. */
export function exportHeaders(columns: readonly AccountColumn[]): string[] {
  return columns.flatMap((column) => EXPORT_COLUMNS[column].headers);
}

/** What these columns need loaded per batch. */
export function exportNeeds(columns: readonly AccountColumn[]): Set<ExportNeed> {
  return new Set(columns.flatMap((column) => EXPORT_COLUMNS[column].needs));
}

/** One CSV record (before neutralisation): empty string for missing values. */
export function exportCells(columns: readonly AccountColumn[], record: ExportRecord, catalogs: Catalogs): string[] {
  return columns.flatMap((column) => EXPORT_COLUMNS[column].cells(record, catalogs).map((value) => value ?? ""));
}
