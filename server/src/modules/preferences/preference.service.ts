import type { DataSource } from "typeorm";
import { FieldChecks } from "../../graphql/field-checks";
import type { Viewer } from "../auth/viewer";
import { OrderDirection } from "../accounts/account.inputs";
import { ACCOUNT_COLUMNS, DEFAULT_VISIBLE, FILTER_KEYS, SORTABLE_COLUMNS } from "./table-columns";
import { TablePreferenceEntity, type TableView } from "./table-preference.entity";
import type { ColumnPreference, SaveTablePreferencesInput, SortPreference, TablePreferences, TableViewValue } from "./preference.types";

const FILTERS_MAX_CHARS = 4000;

/** Per-user, per-view columns, filters and sort (the seed's useTablePreferences, persisted server-side). */
export class PreferenceService {
  constructor(private readonly dataSource: DataSource) {}

  /** The viewer's saved preferences for a view, or the view's defaults. */
  async get(viewer: Viewer, view: TableViewValue): Promise<TablePreferences> {
    const row = await this.dataSource.getRepository(TablePreferenceEntity).findOneBy({ userId: viewer.id, view: view as TableView });
    return row ? present(view, row) : defaults(view);
  }

  /** Validates against the known columns and replaces the viewer's preferences for the view. */
  async save(viewer: Viewer, input: SaveTablePreferencesInput): Promise<TablePreferences> {
    const checks = new FieldChecks();
    const known = new Set<string>(ACCOUNT_COLUMNS);
    const seen = new Set<string>();
    input.columns.forEach((column, i) => {
      if (!known.has(column.key)) {
        checks.add(`columns[${i}].key`, `"${column.key}" is not a known column`);
      } else if (seen.has(column.key)) {
        checks.add(`columns[${i}].key`, `"${column.key}" appears more than once`);
      }
      seen.add(column.key);
      if (column.width !== null && column.width !== undefined && (column.width < 40 || column.width > 1000)) {
        checks.add(`columns[${i}].width`, "must be between 40 and 1000");
      }
    });
    const filters = input.filters ?? {};
    const unknownFilters = Object.keys(filters).filter((key) => !(FILTER_KEYS as readonly string[]).includes(key));
    if (unknownFilters.length > 0) {
      checks.add("filters", `unknown filter ${unknownFilters.join(", ")}; known: ${FILTER_KEYS.join(", ")}`);
    } else if (JSON.stringify(filters).length > FILTERS_MAX_CHARS) {
      checks.add("filters", `must be at most ${FILTERS_MAX_CHARS} characters of JSON`);
    }
    if (input.sort && !SORTABLE_COLUMNS.includes(input.sort.key as (typeof SORTABLE_COLUMNS)[number])) {
      checks.add("sort.key", `must be one of ${SORTABLE_COLUMNS.join(", ")}`);
    }
    checks.done();
    const values = {
      columns: input.columns.map((c) => ({ key: c.key, visible: c.visible, width: c.width ?? null })),
      filters,
      // simple-json cannot hold SQL NULL in this NOT NULL column: {} means "no sort".
      sort: input.sort ? { key: input.sort.key, direction: input.sort.direction } : {},
    };
    const repo = this.dataSource.getRepository(TablePreferenceEntity);
    const where = { userId: viewer.id, view: input.view as TableView };
    const existing = await repo.findOneBy(where);
    if (existing) {
      await repo.save(Object.assign(existing, values));
    } else {
      try {
        await repo.save(repo.create({ ...where, ...values }));
      } catch (error) {
        // A concurrent first save of the same view won the unique (user_id, view) key.
        const winner = await repo.findOneBy(where);
        if (!winner) {
          throw error;
        }
        await repo.save(Object.assign(winner, values));
      }
    }
    return present(input.view, await repo.findOneByOrFail(where));
  }
}

function defaults(view: TableViewValue): TablePreferences {
  const visible = new Set<string>(DEFAULT_VISIBLE[view as TableView]);
  const ordered = [...DEFAULT_VISIBLE[view as TableView], ...ACCOUNT_COLUMNS.filter((c) => !visible.has(c))];
  return {
    view,
    columns: ordered.map((key) => ({ key, visible: visible.has(key), width: null })),
    filters: {},
    sort: { key: "createdAt", direction: OrderDirection.DESC },
    availableColumns: [...ACCOUNT_COLUMNS],
    sortableColumns: [...SORTABLE_COLUMNS],
    updatedAt: null,
  };
}

/** A stored row as the graph shows it: saved columns still known, then columns added since, hidden. */
function present(view: TableViewValue, row: TablePreferenceEntity): TablePreferences {
  const known = new Set<string>(ACCOUNT_COLUMNS);
  const saved = (Array.isArray(row.columns) ? (row.columns as ColumnPreference[]) : []).filter((c) => known.has(c.key));
  const savedKeys = new Set(saved.map((c) => c.key));
  const added = ACCOUNT_COLUMNS.filter((key) => !savedKeys.has(key)).map((key) => ({ key, visible: false, width: null }));
  const filters = row.filters && typeof row.filters === "object" && !Array.isArray(row.filters) ? (row.filters as Record<string, unknown>) : {};
  return {
    view,
    columns: [...saved, ...added],
    filters,
    sort: isSort(row.sort) ? row.sort : null,
    availableColumns: [...ACCOUNT_COLUMNS],
    sortableColumns: [...SORTABLE_COLUMNS],
    updatedAt: row.updatedAt,
  };
}

function isSort(value: unknown): value is SortPreference {
  return typeof value === "object" && value !== null && typeof (value as SortPreference).key === "string";
}
