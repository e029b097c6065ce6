import { CsvFileError, detectFormat, IMPORT_LIMITS, sniffFile, summarizeCsv, type CsvFormat } from "./csv-file";
import { IMPORT_COLUMN_KEYS, mapHeaders, type HeaderMapping } from "./import-columns";

/** A file that passed every whole-file check: how to read it, its header mapping and row count. */
export interface InspectedFile {
  path: string;
  format: CsvFormat;
  mapping: HeaderMapping;
  rowCount: number;
}

/**
 * Every check that refuses a whole file, before any row is validated: size, binary or
 * spreadsheet content, encoding (UTF-8 ± BOM, UTF-16 with BOM, else Windows-1252),
 * delimiter, a header naming known columns (name and company name, and email or phone),
 * at most `maxRows` data rows, and CSV the parser can read. Throws CsvFileError.
 */
export async function inspectImportFile(path: string, limits: { maxBytes: number; maxRows: number } = IMPORT_LIMITS): Promise<InspectedFile> {
  const sniffed = await sniffFile(path);
  if (sniffed.bytes > limits.maxBytes) {
    throw new CsvFileError("FILE_TOO_LARGE", `The file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB; split it into smaller files`);
  }
  const format = detectFormat(sniffed.sample, sniffed.utf8);
  const summary = await summarizeCsv(path, format, limits.maxRows);
  const mapping = mapHeaders(summary.header);
  if (mapping.columns.every((column) => column === null)) {
    const firstCells = summary.header.slice(0, 3).map((cell) => `"${cell}"`).join(", ");
    throw new CsvFileError(
      "NO_HEADER",
      `The first row (${firstCells}) is not a header: none of its cells names a known column. The first row must name the columns, e.g. ${IMPORT_COLUMN_KEYS.join(", ")} (download the template)`,
    );
  }
  const missing: string[] = [...mapping.missingRequired];
  if (!mapping.columns.includes("email") && !mapping.columns.includes("phone")) {
    missing.push("email or phone");
  }
  if (missing.length > 0) {
    throw new CsvFileError("MISSING_COLUMNS", `The file has no column for ${missing.join(", ")} (its columns: ${summary.header.filter((h) => h.trim() !== "").join(", ")})`);
  }
  return { path, format, mapping, rowCount: summary.rowCount };
}
