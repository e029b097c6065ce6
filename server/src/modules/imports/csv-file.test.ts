import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CsvFileError, detectDelimiter, detectFormat, readCsvRecords, sniffFile, summarizeCsv, Utf8Check, type CsvRecord } from "./csv-file";
import { inspectImportFile } from "./import-file";

const CORPUS = resolve(__dirname, "../../../test/csv-corpus");
const corpus = (name: string) => join(CORPUS, name);

async function records(name: string): Promise<CsvRecord[]> {
  const sniffed = await sniffFile(corpus(name));
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(corpus(name), detectFormat(sniffed.sample, sniffed.utf8))) {
    out.push(record);
  }
  return out;
}

async function refusal(path: string, limits?: { maxBytes: number; maxRows: number }): Promise<{ code: string; message: string }> {
  try {
    await inspectImportFile(path, limits);
  } catch (error: unknown) {
    if (error instanceof CsvFileError) {
      return { code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1;2;3", ","],
    ["a;b;c\n", ";"],
    ["a\tb\tc", "\t"],
    ['"x;y;z",b,c', ","],
    ["single", ","],
  ])("should pick the delimiter of the header line %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("Utf8Check", () => {
  it("should accept UTF-8 split in the middle of a character across chunks", () => {
    const bytes = Buffer.from("Logística", "utf8");
    const check = new Utf8Check();
    check.push(bytes.subarray(0, 6));
    check.push(bytes.subarray(6));
    expect(check.end()).toBe(true);
  });

  it("should reject Windows-1252 bytes", () => {
    const check = new Utf8Check();
    check.push(Buffer.from([0x4c, 0xf3, 0x70, 0x65, 0x7a]));
    expect(check.end()).toBe(false);
  });
});

describe("readCsvRecords over the corpus", () => {
  it("should strip the UTF-8 BOM and keep accents", async () => {
    const rows = await records("utf8-bom-comma.csv");
    expect(rows[0]!.cells[0]).toBe("Nombre");
    expect(rows[1]!.cells.slice(0, 2)).toEqual(["Ana López", "Logística del Bajío"]);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
  });

  it("should decode Windows-1252 and split on semicolons", async () => {
    const rows = await records("latin1-semicolon.csv");
    expect(rows[0]!.cells[1]).toBe("Razón social");
    expect(rows[1]!.cells).toEqual(["Begoña Ibáñez", "Distribuidora Peñón", "begona@penon.mx", "8112345678", "51-200"]);
  });

  it("should keep quoted delimiters, doubled quotes and embedded newlines in one cell", async () => {
    const rows = await records("quoted-multiline.csv");
    expect(rows[1]!.cells.slice(0, 2)).toEqual(["Pérez, Juan", 'Transportes "El Rápido"']);
    expect(rows[2]!.cells.slice(0, 2)).toEqual(["María\nDel Carmen", "Bodega\r\nNorte"]);
    expect(rows[3]!.cells[1]).toBe('Comercial "La Esquina", S.A.');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
  });

  it("should skip blank lines and lines of only delimiters but keep spreadsheet row numbers", async () => {
    const rows = await records("blank-lines-trailing.csv");
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 6]);
    expect(rows[1]!.cells).toEqual(["Carla Ruiz", "carla@ruiz.mx", "Ruiz Hermanos", "5522223333", ""]);
  });

  it("should read UTF-16LE with a BOM and tabs (Excel's Unicode text)", async () => {
    const rows = await records("utf16le-tab.csv");
    expect(rows[1]!.cells).toEqual(["Víctor Paredes", "Paredes Café", "victor@paredes.mx"]);
  });
});

describe("inspectImportFile", () => {
  it("should map Spanish headers and list unmapped and repeated ones", async () => {
    const file = await inspectImportFile(corpus("extra-columns.csv"));
    expect(file.mapping.columns).toEqual(["name", "company_name", "email", null, "channel", null, null]);
    expect(file.mapping.unmapped).toEqual(["Notas", "LinkedIn"]);
    expect(file.mapping.repeated).toEqual(["Nombre"]);
    expect(file.rowCount).toBe(2);
  });

  it("should count data rows without blank ones", async () => {
    expect((await inspectImportFile(corpus("blank-lines-trailing.csv"))).rowCount).toBe(2);
    expect((await inspectImportFile(corpus("header-only.csv"))).rowCount).toBe(0);
  });

  it.each([
    ["binary.csv", "BINARY_FILE", /binary data/],
    ["workbook.csv", "SPREADSHEET_FILE", /Excel workbook \(\.xlsx\)/],
    ["empty.csv", "EMPTY_FILE", /empty/],
    ["no-header.csv", "NO_HEADER", /first row \("Olga Reyes", "Reyes Consultores", "olga@reyes.mx"\) is not a header/],
    ["missing-columns.csv", "MISSING_COLUMNS", /no column for company_name \(its columns: nombre, correo, telefono\)/],
    ["unclosed-quote.csv", "MALFORMED_CSV", /not valid CSV/],
  ])("should refuse %s with %s naming the problem", async (name, code, message) => {
    const found = await refusal(corpus(name));
    expect(found.code).toBe(code);
    expect(found.message).toMatch(message);
  });

  describe("limits", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "csv-limits-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("should refuse more rows than the limit before validating any", async () => {
      const path = join(dir, "rows.csv");
      writeFileSync(path, `name,company_name,email\n${Array.from({ length: 11 }, (_, i) => `N${i},C${i},e${i}@x.mx`).join("\n")}\n`);
      expect(await refusal(path, { maxBytes: 1_000_000, maxRows: 10 })).toEqual({ code: "TOO_MANY_ROWS", message: "The file has more than 10 rows; split it into smaller files" });
      expect((await inspectImportFile(path, { maxBytes: 1_000_000, maxRows: 11 })).rowCount).toBe(11);
    });

    it("should refuse a file over the byte limit", async () => {
      const path = join(dir, "bytes.csv");
      writeFileSync(path, `name,company_name,email\n${"x".repeat(3 * 1024 * 1024)}\n`);
      expect((await refusal(path, { maxBytes: 2 * 1024 * 1024, maxRows: 10 })).code).toBe("FILE_TOO_LARGE");
    });
  });

  it("should not count rows past the limit (it stops at the first one over)", async () => {
    const summary = summarizeCsv(corpus("utf8-bom-comma.csv"), { encoding: "utf-8", delimiter: "," }, 2);
    await expect(summary).rejects.toThrow("more than 2 rows");
  });
});
