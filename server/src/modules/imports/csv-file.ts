import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse";

/** Limits of one import file (README: Imports). */
export const IMPORT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000, maxRecordBytes: 1024 * 1024 } as const;

export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type CsvDelimiter = "," | ";" | "\t";

/** Why a file cannot be imported at all; `code` is stable for clients, the message says what to do. */
export type CsvFileErrorCode =
  | "FILE_TOO_LARGE"
  | "TOO_MANY_ROWS"
  | "EMPTY_FILE"
  | "BINARY_FILE"
  | "SPREADSHEET_FILE"
  | "NO_HEADER"
  | "MISSING_COLUMNS"
  | "MALFORMED_CSV"
  | "NO_FILE";

export class CsvFileError extends Error {
  constructor(readonly code: CsvFileErrorCode, message: string) {
    super(message);
    this.name = "CsvFileError";
  }

  /** The HTTP status an upload answers with. */
  get httpStatus(): number {
    return this.code === "FILE_TOO_LARGE" || this.code === "TOO_MANY_ROWS" ? 413 : this.code === "BINARY_FILE" || this.code === "SPREADSHEET_FILE" ? 415 : 400;
  }
}

/** How to read a file, decided from its first bytes (and whether all of it is valid UTF-8). */
export interface CsvFormat {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

/** Checks, chunk by chunk, whether a byte stream is valid UTF-8 (BOM or not). */
export class Utf8Check {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  valid = true;

  push(chunk: Uint8Array): void {
    if (!this.valid) {
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  end(): boolean {
    this.push(new Uint8Array(0));
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    return this.valid;
  }
}

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook (.xlsx) or another zip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Excel workbook (.xls)" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
];

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => sample[i] === b);
}

/**
 * The encoding and delimiter of a file from its first bytes: a UTF-16 or UTF-8 BOM wins;
 * otherwise UTF-8 when every byte of the file was valid UTF-8, else Windows-1252 (what
 * Excel in Mexico saves; Latin-1 is its subset). Workbooks, PDFs and files with NUL bytes
 * or many control characters are refused, naming the problem.
 */
export function detectFormat(sample: Uint8Array, wholeFileIsUtf8: boolean): CsvFormat {
  if (sample.length === 0) {
    throw new CsvFileError("EMPTY_FILE", "The file is empty");
  }
  const spreadsheet = SIGNATURES.find((s) => startsWith(sample, s.bytes));
  if (spreadsheet) {
    throw new CsvFileError("SPREADSHEET_FILE", `The file is ${spreadsheet.what}, not CSV: open it and save it as "CSV UTF-8 (comma delimited)"`);
  }
  let encoding: CsvEncoding;
  if (startsWith(sample, [0xff, 0xfe])) {
    encoding = "utf-16le";
  } else if (startsWith(sample, [0xfe, 0xff])) {
    encoding = "utf-16be";
  } else {
    if (sample.includes(0)) {
      throw new CsvFileError("BINARY_FILE", "The file contains binary data (NUL bytes), not text: export it as CSV");
    }
    encoding = wholeFileIsUtf8 ? "utf-8" : "windows-1252";
  }
  // The last character of the sample may be cut in half; decoding it loosely is enough here.
  const text = new TextDecoder(encoding).decode(sample);
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 100)) {
    throw new CsvFileError("BINARY_FILE", "The file contains binary data (control characters), not text: export it as CSV");
  }
  return { encoding, delimiter: detectDelimiter(text) };
}

/**
 * The delimiter of the header line: the most frequent of comma, semicolon and tab outside
 * quotes (Excel in Spanish-speaking locales writes semicolons). Comma on a tie or none.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, "")) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === "\n" || char === "\r")) {
      break;
    } else if (!quoted && char in counts) {
      counts[char as CsvDelimiter] += 1;
    }
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ",");
  return counts[best] > 0 ? best : ",";
}

/** Decodes a byte stream to text in `encoding`, chunk by chunk (the BOM is dropped). */
class DecodeStream extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: CsvEncoding) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    done(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.decoder.decode());
  }
}

/** One CSV record: its row number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface CsvRecord {
  rowNumber: number;
  cells: string[];
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * Every record of the file, streamed (never the whole file in memory): quoted fields with
 * delimiters, quotes and newlines, CRLF or LF, ragged rows and trailing delimiters.
 * Blank records (empty lines, lines of only delimiters) are skipped but keep their row
 * number, so numbers match what a spreadsheet shows. The first record is the header.
 */
export async function* readCsvRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(path)
    .pipe(new DecodeStream(format.encoding))
    .pipe(
      parse({
        delimiter: format.delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: IMPORT_LIMITS.maxRecordBytes,
      }),
    );
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (!isBlank(cells)) {
        yield { rowNumber, cells };
      }
    }
  } catch (error: unknown) {
    if (error instanceof CsvFileError) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvFileError("MALFORMED_CSV", `The file is not valid CSV after row ${rowNumber}: ${message}`);
  }
}

/** What a first full pass over a file learns before any row is validated. */
export interface CsvSummary {
  header: string[];
  /** Non-blank data records. */
  rowCount: number;
}

/**
 * Reads the header and counts the data rows, refusing early: no header, more than
 * `maxRows` rows, or a file the parser cannot read. Cheap (no validation, nothing kept).
 */
export async function summarizeCsv(path: string, format: CsvFormat, maxRows: number = IMPORT_LIMITS.maxRows): Promise<CsvSummary> {
  let header: string[] | null = null;
  let rowCount = 0;
  for await (const record of readCsvRecords(path, format)) {
    if (header === null) {
      header = record.cells;
      continue;
    }
    rowCount += 1;
    if (rowCount > maxRows) {
      throw new CsvFileError("TOO_MANY_ROWS", `The file has more than ${maxRows.toLocaleString("en-US")} rows; split it into smaller files`);
    }
  }
  if (header === null) {
    throw new CsvFileError("EMPTY_FILE", "The file has no rows");
  }
  return { header, rowCount };
}

const SAMPLE_BYTES = 64 * 1024;

/** Streams a file once: its first 64 KB, its size and whether all of it is valid UTF-8. */
export async function sniffFile(path: string): Promise<{ sample: Uint8Array; bytes: number; utf8: boolean }> {
  const check = new Utf8Check();
  const parts: Buffer[] = [];
  let sampled = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    check.push(chunk);
    if (sampled < SAMPLE_BYTES) {
      parts.push(chunk.subarray(0, SAMPLE_BYTES - sampled));
      sampled += Math.min(chunk.length, SAMPLE_BYTES - sampled);
    }
  }
  return { sample: new Uint8Array(Buffer.concat(parts)), bytes, utf8: check.end() };
}
