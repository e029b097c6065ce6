import { companyNameKey } from "../accounts/company-name-key";
import { validateProspectDraft, type ProspectDraft, type ValidProspect } from "../accounts/prospect-rules";
import type { Catalogs } from "../catalogs/catalog.types";
import { IMPORT_COLUMNS, normalizeHeader, type ImportColumnKey, type ImportRowData } from "./import-columns";

/** One problem of one row: the column it is about (null: the row as a whole) and what is wrong. */
export interface ImportRowError {
  column: ImportColumnKey | null;
  message: string;
}

/** A row after the createProspect rules: the prospect to create, or its problems. */
export interface CheckedRow {
  value: ValidProspect | null;
  errors: ImportRowError[];
}

const columnOfField = new Map<string, ImportColumnKey>(IMPORT_COLUMNS.map((c) => [c.field, c.key]));

/** Distinct catalog cells an import remembers folded (a bound on a file of free text there). */
const FOLDED_CELLS = 10_000;

/** Catalog lookups by the names people write in spreadsheets, built once per import. */
export class CatalogLookup {
  private readonly locales = new Map<string, number>();
  private readonly statuses = new Map<string, number>();
  private readonly channels = new Map<string, string>();
  private readonly shipmentRanges = new Map<string, number>();
  /** normalizeHeader of the cells seen: a file repeats a few dozen country/channel/range spellings. */
  private readonly folded = new Map<string, string>();

  constructor(readonly catalogs: Catalogs) {
    for (const locale of catalogs.locales) {
      this.locales.set(normalizeHeader(locale.code), locale.id);
      this.locales.set(normalizeHeader(locale.name), locale.id);
      this.locales.set(String(locale.id), locale.id);
    }
    for (const status of [...catalogs.followUpStatuses].reverse()) {
      this.statuses.set(normalizeHeader(status.name), status.id);
    }
    for (const channel of catalogs.channels) {
      this.channels.set(normalizeHeader(channel.key), channel.key);
      this.channels.set(normalizeHeader(channel.name), channel.key);
    }
    for (const range of catalogs.monthlyShipmentRanges) {
      this.shipmentRanges.set(normalizeHeader(range.name), range.id);
    }
  }

  /** The locale of a country cell (ISO code, name or id); the first locale when empty. */
  locale(cell: string | undefined): number | null {
    if (cell === undefined) {
      return this.catalogs.locales[0]?.id ?? null;
    }
    return this.locales.get(this.fold(cell)) ?? null;
  }

  status(cell: string): number | null {
    return /^\d+$/.test(cell) ? Number(cell) : (this.statuses.get(this.fold(cell)) ?? null);
  }

  /** The channel of rows that name none: "csv_import" when the catalog has it. */
  get defaultChannel(): string | null {
    return this.catalogs.channels.some((c) => c.key === "csv_import") ? "csv_import" : null;
  }

  channel(cell: string): string {
    return this.channels.get(this.fold(cell)) ?? cell;
  }

  /** A range name ("51–200"), or a count of shipments placed in the range that holds it. */
  shipmentRange(cell: string): number | null {
    const count = /^\d[\d,]*$/.test(cell) ? Number(cell.replace(/,/g, "")) : null;
    if (count !== null) {
      const range = this.catalogs.monthlyShipmentRanges.find((r) => count >= r.minShipments && (r.maxShipments === null || count <= r.maxShipments));
      return range?.id ?? null;
    }
    return this.shipmentRanges.get(this.fold(cell)) ?? null;
  }

  /**
   * normalizeHeader, remembered per distinct cell (up to FOLDED_CELLS of them): folding
   * (Unicode normalization and two regular expressions) was a large share of a 100,000-row
   * validation's CPU, for a handful of distinct values.
   */
  private fold(cell: string): string {
    let folded = this.folded.get(cell);
    if (folded === undefined) {
      folded = normalizeHeader(cell);
      if (this.folded.size < FOLDED_CELLS) {
        this.folded.set(cell, folded);
      }
    }
    return folded;
  }
}

/**
 * A CSV row through the SAME rules as createProspect (validateProspectDraft), after turning
 * catalog names into ids. `defaultStatusId` (the commit's choice) applies to rows without
 * a status. Problems name the file's column, not the graph's field.
 */
export function checkImportRow(data: ImportRowData, lookup: CatalogLookup, defaultStatusId: number | null = null): CheckedRow {
  const errors: ImportRowError[] = [];
  const draft: ProspectDraft = { name: data.name, companyName: data.company_name, email: data.email, phoneCode: data.phone_code, phone: data.phone };
  const localeId = lookup.locale(data.country);
  if (localeId === null) {
    errors.push({ column: "country", message: `"${data.country}" is not a country (use an ISO code such as MX or a name such as México)` });
  } else {
    draft.localeId = localeId;
  }
  if (data.follow_up_status !== undefined) {
    const statusId = lookup.status(data.follow_up_status);
    if (statusId === null) {
      errors.push({ column: "follow_up_status", message: `"${data.follow_up_status}" is not a follow-up status` });
    } else {
      draft.followUpStatusId = statusId;
    }
  } else if (defaultStatusId !== null) {
    draft.followUpStatusId = defaultStatusId;
  }
  if (data.monthly_shipments !== undefined) {
    const rangeId = lookup.shipmentRange(data.monthly_shipments);
    if (rangeId === null) {
      errors.push({ column: "monthly_shipments", message: `"${data.monthly_shipments}" is not a monthly shipment range` });
    } else {
      draft.monthlyShipmentId = rangeId;
    }
  }
  draft.channel = data.channel !== undefined ? lookup.channel(data.channel) : lookup.defaultChannel;
  const result = validateProspectDraft(draft, lookup.catalogs);
  for (const [field, message] of Object.entries(result.errors)) {
    const column = columnOfField.get(field) ?? null;
    // A country or status we could not look up is reported once, in the file's words.
    if (!errors.some((e) => e.column === column)) {
      errors.push({ column, message });
    }
  }
  return errors.length > 0 ? { value: null, errors } : { value: result.value, errors };
}

/** The values that make two prospects duplicates (as in createProspect's findDuplicates). */
function duplicateKeys(value: ValidProspect): Array<{ column: ImportColumnKey; key: string }> {
  const keys: Array<{ column: ImportColumnKey; key: string }> = [];
  if (value.email !== null) {
    keys.push({ column: "email", key: `e:${value.email.toLowerCase()}` });
  }
  if (value.phone !== null) {
    keys.push({ column: "phone", key: `p:${value.phoneCode ?? ""}:${value.phone}` });
  }
  const nameKey = companyNameKey(value.companyName);
  if (nameKey !== "") {
    keys.push({ column: "company_name", key: `c:${nameKey}` });
  }
  return keys;
}

/** A row that repeats an earlier one: which row, and on which columns. */
export interface InFileDuplicate {
  rowNumber: number;
  columns: ImportColumnKey[];
}

/**
 * Duplicates within one file: each valid row against the valid rows before it, by email,
 * phone code + number and company name key. Memory: three short strings per valid row.
 */
export class InFileDuplicates {
  private readonly firstRow = new Map<string, number>();

  /** The earlier row `value` repeats (the first one it matches), or null after recording it. */
  check(rowNumber: number, value: ValidProspect): InFileDuplicate | null {
    const keys = duplicateKeys(value);
    const hits = keys.filter((k) => this.firstRow.has(k.key));
    if (hits.length > 0) {
      const earliest = Math.min(...hits.map((h) => this.firstRow.get(h.key)!));
      return { rowNumber: earliest, columns: hits.filter((h) => this.firstRow.get(h.key) === earliest).map((h) => h.column) };
    }
    for (const k of keys) {
      this.firstRow.set(k.key, rowNumber);
    }
    return null;
  }
}
