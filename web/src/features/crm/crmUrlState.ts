import type { AccountFilter, AccountOrder } from "../../__generated__/graphql";
import { accountOrderFields, accountSizes, accountStatuses, accountTypes, enumParser, salesRoles } from "../accounts/enums";

/** The CRM page's filters as the user picked them; `toAccountFilter` turns them into the server's input. */
export interface CrmFilters {
  /** Follow-up status ids (the Kanban columns). */
  readonly statusIds: readonly number[];
  readonly accountStatuses: NonNullable<AccountFilter["accountStatuses"]>;
  readonly types: NonNullable<AccountFilter["types"]>;
  readonly ecommerceTypeIds: readonly number[];
  readonly accountSizes: NonNullable<AccountFilter["accountSizes"]>;
  /** Channel keys. */
  readonly channels: readonly string[];
  readonly localeIds: readonly number[];
  /** Manager filters (all-prospects): user global ids, sales roles, created-at range (YYYY-MM-DD). */
  readonly salesmanIds: readonly string[];
  readonly salesRoles: NonNullable<AccountFilter["salesRoles"]>;
  readonly createdFrom: string | null;
  readonly createdTo: string | null;
  /** Only the accounts this CSV import created (CsvImport global id; the import summary links here). */
  readonly importId: string | null;
}

/** Everything the CRM page keeps in the URL, so a reload or a shared link shows the same screen. */
export interface CrmUrlState {
  /** The view key as written; the page falls back to its default view when unknown. */
  readonly view: string | null;
  readonly search: string;
  readonly filters: CrmFilters;
  readonly sort: AccountOrder | null;
  /** The account open in the side panel (global id). */
  readonly accountId: string | null;
}

type ListFilterKey = Exclude<keyof CrmFilters, "createdFrom" | "createdTo" | "importId">;

interface ListFilterSpec<T> {
  readonly param: string;
  readonly parseItem: (raw: string) => T | null;
}

const parseId = (raw: string): number | null => (/^\d+$/.test(raw) ? Number(raw) : null);
const parseText = (raw: string): string | null => (raw === "" ? null : raw);

/** URL parameter per list filter; values are comma-separated (`?type=PROSPECT,CLIENT`). */
const listFilterSpecs: { readonly [K in ListFilterKey]: ListFilterSpec<CrmFilters[K][number]> } = {
  statusIds: { param: "status", parseItem: parseId },
  accountStatuses: { param: "state", parseItem: enumParser(accountStatuses) },
  types: { param: "type", parseItem: enumParser(accountTypes) },
  ecommerceTypeIds: { param: "ecommerce", parseItem: parseId },
  accountSizes: { param: "size", parseItem: enumParser(accountSizes) },
  channels: { param: "channel", parseItem: parseText },
  localeIds: { param: "country", parseItem: parseId },
  salesmanIds: { param: "salesman", parseItem: parseText },
  salesRoles: { param: "role", parseItem: enumParser(salesRoles) },
};

const listFilterKeys = Object.keys(listFilterSpecs) as ListFilterKey[];
const dateParams = { createdFrom: "from", createdTo: "to" } as const;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
/** `?import=` is the import panel's (useImportUrl); the filter has its own parameter. */
const importParam = "fromImport";

export const emptyCrmFilters: CrmFilters = Object.freeze({
  statusIds: [],
  accountStatuses: [],
  types: [],
  ecommerceTypeIds: [],
  accountSizes: [],
  channels: [],
  localeIds: [],
  salesmanIds: [],
  salesRoles: [],
  createdFrom: null,
  createdTo: null,
  importId: null,
});

function readList<T>(params: URLSearchParams, spec: ListFilterSpec<T>): T[] {
  const raw = params.get(spec.param);
  if (!raw) {
    return [];
  }
  const items = raw.split(",").map((item) => spec.parseItem(item.trim()));
  return [...new Set(items.filter((item): item is T => item !== null))];
}

function readDay(params: URLSearchParams, param: string): string | null {
  const raw = params.get(param);
  return raw && isoDay.test(raw) ? raw : null;
}

/** `sort=name` ascending, `sort=-createdAt` descending; unknown fields are ignored. */
function readSort(raw: string | null): AccountOrder | null {
  if (!raw) {
    return null;
  }
  const descending = raw.startsWith("-");
  const name = (descending ? raw.slice(1) : raw).replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
  const field = enumParser(accountOrderFields)(name);
  return field ? { field, direction: descending ? "DESC" : "ASC" } : null;
}

function writeSort(sort: AccountOrder): string {
  const camel = sort.field.toLowerCase().replace(/_([a-z])/g, (_match: string, letter: string) => letter.toUpperCase());
  return sort.direction === "DESC" ? `-${camel}` : camel;
}

export function readCrmUrlState(params: URLSearchParams): CrmUrlState {
  const filters: Record<string, unknown> = {};
  for (const key of listFilterKeys) {
    filters[key] = readList(params, listFilterSpecs[key] as ListFilterSpec<unknown>);
  }
  return {
    view: params.get("view"),
    search: (params.get("q") ?? "").trim(),
    filters: {
      ...(filters as Pick<CrmFilters, ListFilterKey>),
      createdFrom: readDay(params, dateParams.createdFrom),
      createdTo: readDay(params, dateParams.createdTo),
      importId: params.get(importParam)?.trim() || null,
    },
    sort: readSort(params.get("sort")),
    accountId: params.get("account") || null,
  };
}

export interface CrmUrlPatch {
  readonly view?: string | null;
  readonly search?: string;
  readonly filters?: CrmFilters;
  readonly sort?: AccountOrder | null;
  readonly accountId?: string | null;
}

function setOrDelete(params: URLSearchParams, name: string, value: string | null): void {
  if (value === null || value === "") {
    params.delete(name);
  } else {
    params.set(name, value);
  }
}

/** A copy of `params` with the patch applied; parameters the CRM does not own (e.g. a panel tab) are kept. */
export function updateCrmParams(params: URLSearchParams, patch: CrmUrlPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  if (patch.view !== undefined) {
    setOrDelete(next, "view", patch.view);
  }
  if (patch.search !== undefined) {
    setOrDelete(next, "q", patch.search.trim());
  }
  if (patch.sort !== undefined) {
    setOrDelete(next, "sort", patch.sort ? writeSort(patch.sort) : null);
  }
  if (patch.accountId !== undefined) {
    setOrDelete(next, "account", patch.accountId);
  }
  const { filters } = patch;
  if (filters) {
    for (const key of listFilterKeys) {
      setOrDelete(next, listFilterSpecs[key].param, filters[key].join(","));
    }
    setOrDelete(next, dateParams.createdFrom, filters.createdFrom);
    setOrDelete(next, dateParams.createdTo, filters.createdTo);
    setOrDelete(next, importParam, filters.importId);
  }
  return next;
}

function localDayBoundary(day: string, end: boolean): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const boundary = end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
  return boundary.toISOString();
}

function nonEmpty<T>(values: readonly T[]): T[] | undefined {
  return values.length > 0 ? [...values] : undefined;
}

/**
 * The server's AccountFilter for the picked filters, or undefined when nothing is picked. Manager
 * filters are dropped for users without all-prospects, so a link shared by a manager still works
 * (the server would answer FORBIDDEN).
 */
export function toAccountFilter(search: string, filters: CrmFilters, canSeeAll: boolean): AccountFilter | undefined {
  const filter: AccountFilter = {
    search: search === "" ? undefined : search,
    statusIds: nonEmpty(filters.statusIds),
    accountStatuses: nonEmpty(filters.accountStatuses),
    types: nonEmpty(filters.types),
    ecommerceTypeIds: nonEmpty(filters.ecommerceTypeIds),
    accountSizes: nonEmpty(filters.accountSizes),
    channels: nonEmpty(filters.channels),
    localeIds: nonEmpty(filters.localeIds),
    importId: filters.importId ?? undefined,
  };
  if (canSeeAll) {
    filter.salesmanIds = nonEmpty(filters.salesmanIds);
    filter.salesRoles = nonEmpty(filters.salesRoles);
    if (filters.createdFrom || filters.createdTo) {
      filter.createdAt = {
        from: filters.createdFrom ? localDayBoundary(filters.createdFrom, false) : undefined,
        to: filters.createdTo ? localDayBoundary(filters.createdTo, true) : undefined,
      };
    }
  }
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as AccountFilter) : undefined;
}

/** How many filters are active (for the "Clear filters" button). */
export function countActiveFilters(filters: CrmFilters, canSeeAll: boolean): number {
  const keys = listFilterKeys.filter((key) => canSeeAll || !managerOnlyFilterKeys.includes(key));
  const lists = keys.filter((key) => filters[key].length > 0).length;
  const dates = canSeeAll ? [filters.createdFrom, filters.createdTo].filter(Boolean).length : 0;
  return lists + dates + (filters.importId ? 1 : 0);
}

const managerOnlyFilterKeys: readonly ListFilterKey[] = ["salesmanIds", "salesRoles"];
