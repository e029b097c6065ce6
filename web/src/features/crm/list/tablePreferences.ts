import type { AccountOrder } from "../../../__generated__/graphql";
import { accountOrderFields, enumParser } from "../../accounts/enums";
import {
  defaultColumnWidth,
  defaultVisibleColumns,
  listColumnKeys,
  maxColumnWidth,
  minColumnWidth,
  type ListColumnKey,
} from "./columns";

export interface ColumnPreference {
  readonly key: ListColumnKey;
  readonly visible: boolean;
  /** Pixels. */
  readonly width: number;
}

/** One user's list layout: columns in display order (visibility and width) and the default sort. */
export interface ListPreferences {
  readonly columns: readonly ColumnPreference[];
  readonly sort: AccountOrder | null;
}

export const defaultListPreferences: ListPreferences = Object.freeze({
  columns: listColumnKeys.map((key) => ({ key, visible: defaultVisibleColumns.includes(key), width: defaultColumnWidth })),
  sort: null,
});

const isColumnKey = enumParser(listColumnKeys);
const isOrderField = enumParser(accountOrderFields);

function clampWidth(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return defaultColumnWidth;
  }
  return Math.round(Math.min(maxColumnWidth, Math.max(minColumnWidth, value)));
}

function readSort(raw: unknown): AccountOrder | null {
  if (typeof raw !== "object" || raw === null) {
    return null;
  }
  const { key, field, direction } = raw as { key?: unknown; field?: unknown; direction?: unknown };
  const name = typeof key === "string" ? key : field;
  const orderField = typeof name === "string" ? isOrderField(name) : null;
  if (!orderField || (direction !== "ASC" && direction !== "DESC")) {
    return null;
  }
  return { field: orderField, direction };
}

/**
 * Preferences from an untrusted source (localStorage, the server, an older app version): unknown
 * columns are dropped, columns added since are appended hidden (or visible when they are defaults),
 * widths are clamped, at least one column stays visible.
 */
export function normalizePreferences(raw: unknown): ListPreferences {
  if (typeof raw !== "object" || raw === null) {
    return defaultListPreferences;
  }
  const { columns, sort } = raw as { columns?: unknown; sort?: unknown };
  const seen = new Set<ListColumnKey>();
  const result: ColumnPreference[] = [];
  for (const item of Array.isArray(columns) ? (columns as unknown[]) : []) {
    const candidate = (typeof item === "object" && item !== null ? item : {}) as { key?: unknown; visible?: unknown; width?: unknown };
    const key = typeof candidate.key === "string" ? isColumnKey(candidate.key) : null;
    if (!key || seen.has(key)) {
      continue;
    }
    seen.add(key);
    result.push({ key, visible: candidate.visible !== false, width: clampWidth(candidate.width) });
  }
  for (const key of listColumnKeys) {
    if (!seen.has(key)) {
      result.push({ key, visible: result.length === 0 && defaultVisibleColumns.includes(key), width: defaultColumnWidth });
    }
  }
  if (!result.some((column) => column.visible)) {
    return { columns: defaultListPreferences.columns, sort: readSort(sort) };
  }
  return { columns: result, sort: readSort(sort) };
}

/** Moves a column one place earlier (-1) or later (+1) in the display order. */
export function moveColumn(columns: readonly ColumnPreference[], key: ListColumnKey, offset: -1 | 1): ColumnPreference[] {
  const index = columns.findIndex((column) => column.key === key);
  const target = index + offset;
  const next = [...columns];
  if (index < 0 || target < 0 || target >= columns.length) {
    return next;
  }
  const [moved] = next.splice(index, 1);
  if (moved) {
    next.splice(target, 0, moved);
  }
  return next;
}

export function localPreferencesKey(userId: string): string {
  return `crm.tablePreferences.list.${userId}`;
}

/** The cached copy, so the first paint already has the user's columns. */
export function readLocalPreferences(userId: string): ListPreferences | null {
  try {
    const raw = window.localStorage.getItem(localPreferencesKey(userId));
    return raw ? normalizePreferences(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function writeLocalPreferences(userId: string, preferences: ListPreferences): void {
  try {
    window.localStorage.setItem(localPreferencesKey(userId), JSON.stringify(preferences));
  } catch {
    // Storage full or disabled: the server copy still holds the preferences.
  }
}
