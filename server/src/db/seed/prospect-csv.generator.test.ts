import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { companyNameKey } from "../../modules/accounts/company-name-key";
import { validateProspectDraft } from "../../modules/accounts/prospect-rules";
import type { Catalogs } from "../../modules/catalogs/catalog.types";
import { mapHeaders, rowData } from "../../modules/imports/import-columns";
import { CHANNELS, LOCALES, MONTHLY_SHIPMENT_RANGES } from "./catalog-data";
import { expectedCounts, writeProspectCsv, type ProspectCsvOptions } from "./prospect-csv.generator";

const catalogs = {
  locales: LOCALES.map((l, i) => ({ ...l, id: i + 1 })),
  followUpStatuses: [{ id: 10, name: "Nuevo lead", color: "#000000", position: 1, outcome: null, group: null }],
  monthlyShipmentRanges: MONTHLY_SHIPMENT_RANGES.map((r, i) => ({ ...r, id: i + 1 })),
  channels: CHANNELS.map((c, i) => ({ ...c, id: i + 1 })),
} as unknown as Catalogs;

async function generate(options: ProspectCsvOptions): Promise<{ text: string; counts: Awaited<ReturnType<typeof writeProspectCsv>> }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const counts = await writeProspectCsv(options, out);
  return { text: Buffer.concat(chunks).toString("utf8"), counts };
}

/**
 * An independent reading of the file with createProspect's own rules and duplicate keys
 * (email case-insensitive, phone code + digits, folded company name; the first row wins).
 */
function classify(text: string, existing: Array<{ email: string | null; phoneCode: string | null; phone: string | null; companyName: string }> = [], delimiter = ",") {
  const records = parse(text, { bom: true, delimiter }) as string[][];
  const mapping = mapHeaders(records[0]!);
  const seen = new Set<string>();
  const keysOf = (v: { email: string | null; phoneCode: string | null; phone: string | null; companyName: string }) =>
    [v.email ? `e:${v.email.toLowerCase()}` : null, v.phone ? `p:${v.phoneCode}:${v.phone}` : null, `c:${companyNameKey(v.companyName)}`].filter((k): k is string => k !== null);
  existing.forEach((a) => keysOf(a).forEach((k) => seen.add(k)));
  const result = { valid: 0, invalid: 0, duplicates: 0, invalidByColumn: { email: 0, name: 0, phone: 0 } as Record<string, number> };
  for (const cells of records.slice(1)) {
    const data = rowData(mapping, cells);
    const country = data.country ?? "MX";
    const locale = catalogs.locales.find((l) => l.code === country || l.name === country);
    const range = catalogs.monthlyShipmentRanges.find((r) => r.name === data.monthly_shipments);
    const { value, errors } = validateProspectDraft(
      {
        name: data.name,
        companyName: data.company_name,
        email: data.email,
        phoneCode: data.phone_code,
        phone: data.phone,
        localeId: locale?.id ?? null,
        monthlyShipmentId: range?.id ?? null,
        channel: data.channel,
      },
      catalogs,
    );
    if (!value) {
      result.invalid += 1;
      const columns = Object.keys(errors);
      expect(columns).toHaveLength(1);
      result.invalidByColumn[columns[0]!] = (result.invalidByColumn[columns[0]!] ?? 0) + 1;
      continue;
    }
    const keys = keysOf(value);
    if (keys.some((k) => seen.has(k))) {
      result.duplicates += 1;
    } else {
      result.valid += 1;
    }
    keys.forEach((k) => seen.add(k));
  }
  return { ...result, rows: records.length - 1, mapping };
}

describe("prospect CSV generator", () => {
  it("should write exactly the promised valid, invalid and duplicate rows when read with createProspect's rules", async () => {
    const { text, counts } = await generate({ rows: 3000, seed: 7, invalid: 0.05, duplicates: 0.04 });
    expect(counts).toEqual({
      rows: 3000,
      valid: 2730,
      invalid: 150,
      duplicates: 120,
      duplicatesInFile: 120,
      duplicatesOfExisting: 0,
      invalidByColumn: { email: 50, name: 50, phone: 50 },
    });
    const read = classify(text);
    expect({ rows: read.rows, valid: read.valid, invalid: read.invalid, duplicates: read.duplicates }).toEqual({ rows: 3000, valid: 2730, invalid: 150, duplicates: 120 });
    expect(read.invalidByColumn).toEqual({ email: 50, name: 50, phone: 50 });
    expect(read.mapping.unmapped).toEqual(["notes"]);
  });

  it("should be the same file for the same seed and another for another seed", async () => {
    const hash = async (seed: number) => createHash("sha256").update((await generate({ rows: 500, seed, invalid: 0.1, duplicates: 0.1 })).text).digest("hex");
    expect(await hash(3)).toBe(await hash(3));
    expect(await hash(3)).not.toBe(await hash(4));
  });

  it("should share no email, phone or company name between files of different seeds", async () => {
    const [one, two] = await Promise.all([generate({ rows: 900, seed: 1 }), generate({ rows: 900, seed: 2 })]);
    const both = `${one.text}${one.text.endsWith("\r\n") ? "" : "\r\n"}${two.text.replace(/^\uFEFF[^\r\n]*\r\n/, "")}`;
    expect(classify(both)).toMatchObject({ rows: 1800, valid: 1800, duplicates: 0 });
  });

  it("should hold Spanish text, a BOM, CRLF records and quoted commas, quotes and line breaks", async () => {
    const { text } = await generate({ rows: 400, seed: 1 });
    expect(text.startsWith("\uFEFFname,company_name,email,phone_code,phone,country")).toBe(true);
    expect(text).toMatch(/[áéíóúñÁÉÍÓÚÑ]/);
    expect(text).toMatch(/\r\n/);
    expect(text).toMatch(/"[^"\r\n]*, S\.A\. de C\.V\."/);
    expect(text).toMatch(/""/);
    expect(text).toMatch(/"[^"]*\n[^"]*"/);
    expect(classify(text)).toMatchObject({ rows: 400, valid: 400, invalid: 0, duplicates: 0 });
  });

  it("should duplicate existing accounts when given them, and read with Spanish headers and semicolons", async () => {
    const existing = [
      { email: "ana@bajio.mx", phoneCode: "52", phone: "4421234567", companyName: "Logística del Bajío" },
      { email: null, phoneCode: "52", phone: "3312345678", companyName: "Peñasco Envíos" },
    ];
    const { text, counts } = await generate({ rows: 200, seed: 2, existingDuplicates: 0.01, existing, headers: "spanish", delimiter: ";", bom: false, lineEnding: "lf" });
    expect(counts).toMatchObject({ valid: 198, duplicates: 2, duplicatesOfExisting: 2 });
    expect(text.startsWith("Nombre;Empresa;Correo electrónico;Código de país;Teléfono;País")).toBe(true);
    expect(classify(text, existing, ";")).toMatchObject({ rows: 200, valid: 198, duplicates: 2, invalid: 0 });
  });

  it("should write the same text in Windows-1252 (one byte per accented letter and en dash, no BOM) when asked", async () => {
    const options = { rows: 300, seed: 5, invalid: 0.1, duplicates: 0.1, bom: false };
    const utf8 = await generate(options);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeProspectCsv({ ...options, encoding: "windows-1252" }, out);
    const bytes = Buffer.concat(chunks);
    expect(bytes.includes(Buffer.from("ñ", "utf8"))).toBe(false);
    expect(bytes.includes(0xf1)).toBe(true); // ñ
    // Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 controls: decode by the code page's table.
    const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    const decoded = [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b))).join("");
    expect(decoded).toBe(utf8.text);
    expect(bytes.includes(0x96)).toBe(true); // the en dash of "51–200"
  });

  it("should refuse shares that leave no valid row or are out of range", () => {
    expect(() => expectedCounts({ rows: 10, invalid: 0.6, duplicates: 0.5 })).toThrow(/no valid row/);
    expect(() => expectedCounts({ rows: 10, invalid: 1.5 })).toThrow(/between 0 and 1/);
    expect(() => expectedCounts({ rows: 10, existingDuplicates: 0.1 })).toThrow(/needs existing/);
  });
});
