import { useEffect, useState } from "react";

import { MultiSelect, type MultiSelectOption } from "../../components/MultiSelect";
import { useI18n, useT } from "../../lib/i18n";
import { accountSizes, accountStatuses, accountTypes, salesRoles } from "../accounts/enums";
import type { Catalogs } from "../catalogs/useCatalogs";
import { countActiveFilters, emptyCrmFilters, type CrmFilters } from "./crmUrlState";
import { ImportFilterChip } from "./ImportFilterChip";
import { crmMessages } from "./messages";

const searchDebounceMs = 300;

export interface SalesmanOption {
  readonly id: string;
  readonly name: string;
}

interface FilterBarProps {
  readonly search: string;
  readonly filters: CrmFilters;
  readonly catalogs: Catalogs | null;
  /** Manager filters (executive, sales role, created range) are shown only with all-prospects. */
  readonly canSeeAll: boolean;
  readonly salesmen: readonly SalesmanOption[];
  readonly onSearchChange: (search: string) => void;
  readonly onFiltersChange: (filters: CrmFilters) => void;
}

const ids = (values: readonly number[]) => values.map(String);
const toIds = (values: readonly string[]) => values.map(Number);

/** Search box and the account filters; every change lands in the URL through the callbacks. */
export function FilterBar({ search, filters, catalogs, canSeeAll, salesmen, onSearchChange, onFiltersChange }: FilterBarProps) {
  const t = useT(crmMessages);
  const { locale } = useI18n();
  const [draft, setDraft] = useState(search);

  // A new search from outside (back button, shared link) replaces what is typed; the search the
  // draft itself produced does not (it is trimmed: "Grupo " would lose the space being typed).
  useEffect(() => setDraft((current) => (current.trim() === search ? current : search)), [search]);

  useEffect(() => {
    const next = draft.trim();
    if (next === search) {
      return undefined;
    }
    const timer = setTimeout(() => onSearchChange(next), searchDebounceMs);
    return () => clearTimeout(timer);
  }, [draft, search, onSearchChange]);

  const set = <K extends keyof CrmFilters>(key: K, value: CrmFilters[K]) => onFiltersChange({ ...filters, [key]: value });
  const enumOptions = <K extends string>(values: readonly K[], labels: Readonly<Record<K, string>>): MultiSelectOption[] =>
    values.map((value) => ({ value, label: labels[value] }));
  const catalogOptions = (items: ReadonlyArray<{ id: number; name: string }> | undefined): MultiSelectOption[] =>
    (items ?? []).map((item) => ({ value: String(item.id), label: item.name }));
  const select = (label: string, options: MultiSelectOption[], selected: readonly string[], onChange: (values: string[]) => void) => (
    <MultiSelect label={label} options={options} selected={selected} onChange={onChange} emptyText={t.filters.noOptions} />
  );
  const active = countActiveFilters(filters, canSeeAll);

  return (
    <div className="filter-bar" role="search" aria-label={t.filters.label}>
      <input
        type="search"
        className="filter-bar__search"
        aria-label={t.search}
        placeholder={t.searchPlaceholder}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      {select(t.filters.status, catalogOptions(catalogs?.followUpStatuses), ids(filters.statusIds), (values) =>
        set("statusIds", toIds(values)),
      )}
      {select(t.filters.type, enumOptions(accountTypes, t.types), filters.types, (values) =>
        set("types", values as CrmFilters["types"]),
      )}
      {select(t.filters.accountStatus, enumOptions(accountStatuses, t.accountStatuses), filters.accountStatuses, (values) =>
        set("accountStatuses", values as CrmFilters["accountStatuses"]),
      )}
      {select(t.filters.ecommerce, catalogOptions(catalogs?.ecommerceTypes), ids(filters.ecommerceTypeIds), (values) =>
        set("ecommerceTypeIds", toIds(values)),
      )}
      {select(t.filters.size, enumOptions(accountSizes, t.sizes), filters.accountSizes, (values) =>
        set("accountSizes", values as CrmFilters["accountSizes"]),
      )}
      {select(
        t.filters.channel,
        (catalogs?.channels ?? []).map((channel) => ({ value: channel.key, label: channel.name })),
        filters.channels,
        (values) => set("channels", values),
      )}
      {select(t.filters.country, catalogOptions(catalogs?.locales), ids(filters.localeIds), (values) =>
        set("localeIds", toIds(values)),
      )}
      {canSeeAll ? (
        <>
          {select(
            t.filters.salesman,
            [...salesmen]
              .sort((a, b) => a.name.localeCompare(b.name, locale))
              .map((salesman) => ({ value: salesman.id, label: salesman.name })),
            filters.salesmanIds,
            (values) => set("salesmanIds", values),
          )}
          {select(t.filters.salesRole, enumOptions(salesRoles, t.salesRoles), filters.salesRoles, (values) =>
            set("salesRoles", values as CrmFilters["salesRoles"]),
          )}
          <label className="filter-bar__date">
            {t.filters.createdFrom}
            <input
              type="date"
              value={filters.createdFrom ?? ""}
              max={filters.createdTo ?? undefined}
              onChange={(event) => set("createdFrom", event.target.value || null)}
            />
          </label>
          <label className="filter-bar__date">
            {t.filters.createdTo}
            <input
              type="date"
              value={filters.createdTo ?? ""}
              min={filters.createdFrom ?? undefined}
              onChange={(event) => set("createdTo", event.target.value || null)}
            />
          </label>
        </>
      ) : null}
      {filters.importId ? <ImportFilterChip importId={filters.importId} onRemove={() => set("importId", null)} /> : null}
      {active > 0 ? (
        <button type="button" className="filter-bar__clear" onClick={() => onFiltersChange(emptyCrmFilters)}>
          {t.filters.clear} ({active})
        </button>
      ) : null}
    </div>
  );
}
