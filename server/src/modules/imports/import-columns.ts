import { foldText } from "../accounts/company-name-key";
import { restoreNeutralizedCell } from "../exports/csv-safety";

/**
 * The columns a CSV import understands: the canonical English header of the template, what
 * it fills in a createProspect draft, and the Spanish/English aliases real files use.
 * Shared by the upload's header mapping, the template, the export and the test-file generator.
 */

/** Canonical column keys (also the template's headers, in this order). */
export const IMPORT_COLUMN_KEYS = [
  "name",
  "company_name",
  "email",
  "phone_code",
  "phone",
  "country",
  "follow_up_status",
  "monthly_shipments",
  "channel",
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** The createProspect input field the column fills (error messages name the column, not this). */
  field: "name" | "companyName" | "email" | "phoneCode" | "phone" | "localeId" | "followUpStatusId" | "monthlyShipmentId" | "channel";
  required: boolean;
  /** Spanish/English header names that map to this column (compared after normalizeHeader). */
  aliases: readonly string[];
  /** What a cell may hold, for the template's documentation and error messages. */
  description: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: "name",
    field: "name",
    required: true,
    aliases: ["nombre", "nombre completo", "nombre del contacto", "contacto", "contact", "contact name", "full name", "prospecto", "nombre de contacto"],
    description: "contact person (required)",
  },
  {
    key: "company_name",
    field: "companyName",
    required: true,
    aliases: ["empresa", "compania", "company", "company name", "razon social", "nombre de la empresa", "nombre empresa", "negocio", "organization", "organizacion"],
    description: "company (required)",
  },
  {
    key: "email",
    field: "email",
    required: false,
    aliases: ["correo", "correo electronico", "e mail", "mail", "email address", "correo e"],
    description: "email; an email or a phone is required",
  },
  {
    key: "phone_code",
    field: "phoneCode",
    required: false,
    aliases: ["codigo de pais", "codigo pais", "codigo telefonico", "lada internacional", "prefijo", "country code", "phone country code", "dial code", "calling code"],
    description: "calling code without + (defaults to the country's)",
  },
  {
    key: "phone",
    field: "phone",
    required: false,
    aliases: ["telefono", "tel", "celular", "movil", "whatsapp", "numero", "numero de telefono", "phone number", "mobile", "cell", "telephone"],
    description: "national number, the country's digit count",
  },
  {
    key: "country",
    field: "localeId",
    required: false,
    aliases: ["pais", "locale", "country name", "locale id"],
    description: "ISO code (MX), country name (México) or locale id; defaults to the first locale (México)",
  },
  {
    key: "follow_up_status",
    field: "followUpStatusId",
    required: false,
    aliases: ["estado", "estatus", "status", "etapa", "estado de seguimiento", "stage", "follow up status id"],
    description: "status name or id; defaults to the commit's status, else the first Kanban column",
  },
  {
    key: "monthly_shipments",
    field: "monthlyShipmentId",
    required: false,
    aliases: ["envios mensuales", "envios al mes", "envios por mes", "monthly shipments range", "shipments per month", "shipments"],
    description: "monthly shipment range name (51–200) or a number of shipments (150)",
  },
  {
    key: "channel",
    field: "channel",
    required: false,
    aliases: ["canal", "origen", "fuente", "source", "lead source", "canal de captacion"],
    description: "channel key (website) or name (Sitio web)",
  },
];

/**
 * The comparable form of a header (or a catalog name): accents and case folded, BOM and
 * quotes dropped, underscores/dashes/dots/spaces collapsed to one space.
 * "Código_de País" → "codigo de pais"; "E-mail" → "e mail"; "company_name" → "company name".
 */
export function normalizeHeader(header: string): string {
  return foldText(header.replace(/^\uFEFF/, ""));
}

const byAlias = new Map<string, ImportColumnKey>();
for (const column of IMPORT_COLUMNS) {
  for (const name of [column.key, ...column.aliases]) {
    byAlias.set(normalizeHeader(name), column.key);
  }
}

/** The canonical column a header names, or null when it is unknown. */
export function columnForHeader(header: string): ImportColumnKey | null {
  return byAlias.get(normalizeHeader(header)) ?? null;
}

/** How a file's header row maps onto the import columns. */
export interface HeaderMapping {
  /** Per position in the file: the column it fills, or null (unmapped, ignored). */
  columns: Array<ImportColumnKey | null>;
  /** Headers that map to nothing, as written in the file (blank headers are not listed). */
  unmapped: string[];
  /** Required columns no header maps to. */
  missingRequired: ImportColumnKey[];
  /** Headers naming a column an earlier header already took (the first one wins). */
  repeated: string[];
}

/** Maps a header row: aliases in Spanish and English, the first of two headers for one column wins. */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const taken = new Set<ImportColumnKey>();
  const unmapped: string[] = [];
  const repeated: string[] = [];
  const columns = headers.map((header) => {
    const key = columnForHeader(header);
    if (key === null) {
      if (header.trim() !== "") {
        unmapped.push(header.trim());
      }
      return null;
    }
    if (taken.has(key)) {
      repeated.push(header.trim());
      return null;
    }
    taken.add(key);
    return key;
  });
  const missingRequired = IMPORT_COLUMNS.filter((c) => c.required && !taken.has(c.key)).map((c) => c.key);
  return { columns, unmapped, missingRequired, repeated };
}

/** A data row keyed by column (cells of unmapped columns dropped, missing cells absent). */
export type ImportRowData = Partial<Record<ImportColumnKey, string>>;

/** The cells of one record under a mapping, trimmed, with the export's formula quote undone. */
export function rowData(mapping: HeaderMapping, cells: readonly string[]): ImportRowData {
  const data: ImportRowData = {};
  mapping.columns.forEach((key, index) => {
    const cell = cells[index];
    if (key !== null && cell !== undefined && cell.trim() !== "") {
      data[key] = restoreNeutralizedCell(cell.trim());
    }
  });
  return data;
}

/** The downloadable template: UTF-8 with BOM (Excel reads accents), the headers and one example row. */
export function importTemplateCsv(): string {
  const example = ["Ana López", "Logística del Bajío", "ana@bajio.mx", "52", "4421234567", "MX", "", "51–200", "website"];
  return `\uFEFF${IMPORT_COLUMN_KEYS.join(",")}\r\n${example.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")}\r\n`;
}
