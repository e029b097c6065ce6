import { defaultVisibleColumns, listColumnKeys } from "./columns";
import {
  defaultListPreferences,
  localPreferencesKey,
  moveColumn,
  normalizePreferences,
  readLocalPreferences,
  writeLocalPreferences,
} from "./tablePreferences";

describe("normalizePreferences", () => {
  it("should give the defaults when the input is not preferences", () => {
    expect(normalizePreferences(null)).toBe(defaultListPreferences);
    expect(normalizePreferences("columns")).toBe(defaultListPreferences);
    expect(defaultListPreferences.columns.filter((column) => column.visible).map((column) => column.key)).toEqual(
      defaultVisibleColumns,
    );
  });

  it("should keep the saved order, drop unknown and duplicate keys, clamp widths and append new columns hidden", () => {
    const result = normalizePreferences({
      columns: [
        { key: "email", visible: true, width: 9999 },
        { key: "retired", visible: true, width: 100 },
        { key: "name", visible: true, width: 10 },
        { key: "email", visible: false, width: 100 },
      ],
      sort: { key: "NAME", direction: "ASC" },
    });
    expect(result.columns.slice(0, 2)).toEqual([
      { key: "email", visible: true, width: 600 },
      { key: "name", visible: true, width: 60 },
    ]);
    expect(result.columns).toHaveLength(listColumnKeys.length);
    expect(result.columns.slice(2).every((column) => !column.visible)).toBe(true);
    expect(result.sort).toEqual({ field: "NAME", direction: "ASC" });
  });

  it("should fall back to the default columns when none would be visible", () => {
    const result = normalizePreferences({ columns: [{ key: "name", visible: false, width: 100 }], sort: { key: "X" } });
    expect(result.columns).toBe(defaultListPreferences.columns);
    expect(result.sort).toBeNull();
  });
});

describe("moveColumn", () => {
  const columns = defaultListPreferences.columns;

  it("should swap a column with its neighbour", () => {
    expect(moveColumn(columns, "companyName", -1).slice(0, 2).map((column) => column.key)).toEqual(["companyName", "name"]);
    expect(moveColumn(columns, "name", 1).slice(0, 2).map((column) => column.key)).toEqual(["companyName", "name"]);
  });

  it("should leave the order alone when the column is already at that end", () => {
    expect(moveColumn(columns, "name", -1)).toEqual(columns);
  });
});

describe("local preferences cache", () => {
  afterEach(() => window.localStorage.clear());

  it("should read back what was written for the same user only", () => {
    const preferences = { columns: moveColumn(defaultListPreferences.columns, "email", -1), sort: null };
    writeLocalPreferences("VXNlcjox", preferences);
    expect(readLocalPreferences("VXNlcjox")).toEqual(preferences);
    expect(readLocalPreferences("VXNlcjoy")).toBeNull();
  });

  it("should ignore a corrupt cache entry", () => {
    window.localStorage.setItem(localPreferencesKey("VXNlcjox"), "{not json");
    expect(readLocalPreferences("VXNlcjox")).toBeNull();
  });
});
