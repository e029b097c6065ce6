import { createWriteStream } from "node:fs";
import { Readable, Transform, type Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { IMPORT_COLUMN_KEYS, type ImportColumnKey } from "../../modules/imports/import-columns";
import { CHANNELS, MONTHLY_SHIPMENT_RANGES } from "./catalog-data";
import * as mx from "./mexican-data";
import { Prng } from "./prng";

/*
 * Realistic prospect CSV files for the import's tests and benchmark: Spanish names and
 * companies (accents, ñ), Mexican phones in the ways people type them, quoted fields with
 * commas, quotes and line breaks, a share of invalid rows and of duplicates. Deterministic by
 * seed; rows are produced one at a time (a row's data is a pure function of seed and row
 * number), so a 200,000-row file streams in constant memory apart from one byte per row.
 *
 * Every row is exactly one of:
 * - valid: passes createProspect's rules and collides with nothing: not in the file, not in a
 *   database this generator did not fill (phones use a space the demo data never does), and
 *   not with files of other seeds 1–48 (company numbers, email domains and phone windows
 *   carry the seed), so several generated files can be imported into one database;
 * - invalid: exactly one problem — a bad email, a missing name or a phone with the wrong
 *   digit count — and no duplicate;
 * - duplicate: passes the rules but repeats an EARLIER valid row of the file (same email in
 *   other case, same phone typed differently, or same company name in other case without
 *   accents), or an existing account given in `existing`.
 * Counts are exact: expectedCounts() says them without generating.
 */

export interface ExistingAccount {
  email: string | null;
  phoneCode: string | null;
  phone: string | null;
  companyName: string;
}

export interface ProspectCsvOptions {
  rows: number;
  seed?: number;
  /** Share of invalid rows, 0–1. */
  invalid?: number;
  /** Share of rows repeating an earlier valid row of the file, 0–1. */
  duplicates?: number;
  /** Share of rows repeating one of `existing`, 0–1 (needs `existing`). */
  existingDuplicates?: number;
  existing?: readonly ExistingAccount[];
  /** "canonical" (the template's headers) or "spanish" (Nombre, Empresa, Correo electrónico, …). */
  headers?: "canonical" | "spanish";
  delimiter?: "," | ";";
  bom?: boolean;
  lineEnding?: "crlf" | "lf";
  /** "utf8" (default) or "windows-1252", what Excel in Mexico saves ("CSV (delimitado por comas)"); no BOM then. */
  encoding?: "utf8" | "windows-1252";
  /** Adds a "Notas" column (unmapped by the import) with multi-line, comma and quote text. */
  notes?: boolean;
}

export interface ProspectCsvCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  duplicatesInFile: number;
  duplicatesOfExisting: number;
  /** Invalid rows by the column at fault (one problem per invalid row). */
  invalidByColumn: { email: number; name: number; phone: number };
}

const SPANISH_HEADERS: Record<ImportColumnKey, string> = {
  name: "Nombre",
  company_name: "Empresa",
  email: "Correo electrónico",
  phone_code: "Código de país",
  phone: "Teléfono",
  country: "País",
  follow_up_status: "Estado",
  monthly_shipments: "Envíos mensuales",
  channel: "Canal",
};

const enum Kind {
  valid = 0,
  badEmail = 1,
  missingName = 2,
  badPhone = 3,
  duplicate = 4,
  existing = 5,
}

/** Mexican ladas of the generated phones; the digit after the lada is always 0, which the demo and volume seeds never produce. */
const LADAS = ["56", "81", "33"] as const;
const PHONE_SPACE = 10_000_000;
/** Odd and not a multiple of 5: multiplying by it permutes 0…10^7-1, so numbers are distinct yet look random. */
const PHONE_MULTIPLIER = 3_141_593;
const PHONE_OFFSET = 1_234_567;
/** Each seed (mod 48) numbers its phones in its own window of 200,003 slots: files of seeds 1–48 up to 600,000 rows never share a phone. */
const SEED_WINDOW = 200_003;
const SEED_WINDOWS = 48;
const NOTES = [
  "Llamar el lunes, después de las 10:00.\nPreguntar por \"Don Beto\".",
  "Vio la demo en la Expo Logística; interesado en LTL, envíos a Monterrey y Guadalajara.",
  "Tienda en Mercado Libre, 300 guías al mes.\r\nQuiere tarifa preferencial, \"urgente\".",
  "Referido por Zúñiga; pide cotización, factura con RFC.",
] as const;

export function expectedCounts(options: ProspectCsvOptions): ProspectCsvCounts {
  const plan = planKinds(options);
  const counts: ProspectCsvCounts = {
    rows: options.rows,
    valid: 0,
    invalid: 0,
    duplicates: 0,
    duplicatesInFile: 0,
    duplicatesOfExisting: 0,
    invalidByColumn: { email: 0, name: 0, phone: 0 },
  };
  for (const kind of plan) {
    if (kind === Kind.valid) {
      counts.valid += 1;
    } else if (kind === Kind.duplicate || kind === Kind.existing) {
      counts.duplicates += 1;
      counts[kind === Kind.duplicate ? "duplicatesInFile" : "duplicatesOfExisting"] += 1;
    } else {
      counts.invalid += 1;
      counts.invalidByColumn[kind === Kind.badEmail ? "email" : kind === Kind.missingName ? "name" : "phone"] += 1;
    }
  }
  return counts;
}

/** The header row, then one record per row. */
export function* prospectCsvRecords(options: ProspectCsvOptions): Generator<string[]> {
  const plan = planKinds(options);
  const seed = options.seed ?? 1;
  const notes = options.notes ?? true;
  const header = IMPORT_COLUMN_KEYS.map((key) => (options.headers === "spanish" ? SPANISH_HEADERS[key] : key));
  yield notes ? [...header, options.headers === "spanish" ? "Notas" : "notes"] : header;
  const existing = options.existing ?? [];
  let existingUsed = 0;
  for (let i = 0; i < plan.length; i += 1) {
    const rng = rowRng(seed, i);
    const row = identity(seed, i);
    const kind = plan[i] as Kind;
    if (kind === Kind.badEmail) {
      row.email = rng.pick([row.ownEmail.replace("@", "@@"), row.ownEmail.replace("@", " arroba "), row.ownEmail.split("@")[0]!]);
    } else if (kind === Kind.missingName) {
      row.name = rng.pick(["", "   "]);
    } else if (kind === Kind.badPhone) {
      row.phone = row.ownPhone.slice(0, rng.int(6, 9));
    } else if (kind === Kind.duplicate) {
      copyFrom(row, identity(seed, earlierValid(plan, i, rng)), i % 3);
    } else if (kind === Kind.existing) {
      const target = existing[existingUsed++ % existing.length]!;
      copyExisting(row, target, i % 3);
    }
    const record = [
      row.name,
      row.companyName,
      row.email,
      row.phone === "" ? "" : row.phoneCode,
      row.phone,
      row.country,
      "",
      rng.chance(0.3) ? rng.pick(MONTHLY_SHIPMENT_RANGES).name : "",
      rng.chance(0.4) ? rng.pick(CHANNELS).key : "",
    ];
    yield notes ? [...record, rng.chance(0.05) ? rng.pick(NOTES) : ""] : record;
  }
}

/** Writes the file to `out` and ends it; returns the exact counts. */
export async function writeProspectCsv(options: ProspectCsvOptions, out: Writable): Promise<ProspectCsvCounts> {
  const counts = expectedCounts(options);
  const cp1252 = options.encoding === "windows-1252";
  const csv = stringify({
    // A byte order mark only means something in UTF-8.
    bom: cp1252 ? false : (options.bom ?? true),
    delimiter: options.delimiter ?? ",",
    record_delimiter: options.lineEnding === "lf" ? "unix" : "windows",
    quoted_match: /[\r\n]/,
  });
  if (cp1252) {
    await pipeline(Readable.from(prospectCsvRecords(options)), csv, toWindows1252(), out);
  } else {
    await pipeline(Readable.from(prospectCsvRecords(options)), csv, out);
  }
  return counts;
}

export function writeProspectCsvFile(path: string, options: ProspectCsvOptions): Promise<ProspectCsvCounts> {
  return writeProspectCsv(options, createWriteStream(path));
}

/** Windows-1252's 0x80–0x9F: the characters where it differs from Latin-1. */
const CP1252_EXTRA = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Re-encodes UTF-8 text as Windows-1252 (every character the generator writes exists there). */
function toWindows1252(): Transform {
  const decoder = new StringDecoder("utf8");
  const encode = (text: string): Buffer => {
    const bytes = Buffer.alloc(text.length);
    let n = 0;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      const extra = CP1252_EXTRA.indexOf(char);
      if (extra >= 0) {
        bytes[n++] = 0x80 + extra;
      } else if (code < 0x100) {
        bytes[n++] = code;
      } else {
        throw new RangeError(`${JSON.stringify(char)} has no Windows-1252 byte`);
      }
    }
    return bytes.subarray(0, n);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, encode(decoder.write(chunk)));
    },
    flush(callback) {
      callback(null, encode(decoder.end()));
    },
  });
}

interface RowValues {
  name: string;
  companyName: string;
  email: string;
  phoneCode: string;
  phone: string;
  country: string;
  /** The row's own email and phone digits, also when the row leaves one out. */
  ownEmail: string;
  ownPhone: string;
}

/** Row i's own unique contact: company numbered i+1 (unique folded name), email at that company's domain, a phone no other row has. */
function identity(seed: number, i: number): RowValues {
  const rng = rowRng(seed ^ 0x5bd1e995, i);
  const person = mx.personName(rng);
  // Seed 1 numbers companies 1, 2, …; other seeds "7-1", "7-2", … so files of different seeds do not collide.
  const tag = seed === 1 ? "" : `${seed}-`;
  const trade = `${mx.businessName(rng)} ${tag}${i + 1}`;
  const legal = rng.chance(0.35) ? rng.pick([", S.A. de C.V.", ", S. de R.L. de C.V.", " S.A.P.I. de C.V."]) : "";
  const quoted = rng.chance(0.05) ? `${trade.replace(/^(\S+) /, '$1 "')}"` : trade;
  const domain = `${mx.slug(trade.replace(/ \S+$/, ""))}${i + 1}${seed === 1 ? "" : `s${seed}`}`;
  const email = `${mx.slug(person.first.split(" ")[0]!)}.${mx.slug(person.surname)}@${domain}.com.mx`;
  const lada = LADAS[i % LADAS.length]!;
  const slot = Math.floor(i / LADAS.length) + PHONE_OFFSET + (((seed - 1) % SEED_WINDOWS) + SEED_WINDOWS) % SEED_WINDOWS * SEED_WINDOW;
  const local = String((slot * PHONE_MULTIPLIER) % PHONE_SPACE).padStart(7, "0");
  const digits = `${lada}0${local}`;
  const typed = rng.pick([digits, `${lada} 0${local.slice(0, 3)} ${local.slice(3)}`, `(${lada}) 0${local.slice(0, 3)}-${local.slice(3)}`]);
  const contact = rng.next();
  return {
    name: rng.chance(0.1) ? person.full.toUpperCase() : person.full,
    companyName: `${quoted}${legal}`,
    // 15% phone only, 10% email only, the rest both.
    email: contact < 0.15 ? "" : email,
    phoneCode: rng.pick(["52", "52", "52", "+52", ""]),
    phone: contact >= 0.15 && contact < 0.25 ? "" : typed,
    country: rng.pick(["MX", "MX", "México", ""]),
    ownEmail: email,
    ownPhone: digits,
  };
}

/** A duplicate keeps its own other fields and takes one identifying field of `source`, written differently. */
function copyFrom(row: RowValues, source: RowValues, how: number): void {
  if (how === 0 && source.email !== "") {
    row.email = source.email.toUpperCase();
  } else if (how !== 2 && source.phone !== "") {
    row.phone = source.ownPhone.replace(/^(\d{2})(\d{4})(\d{4})$/, "$1-$2-$3");
    row.phoneCode = "52";
  } else {
    row.companyName = foldAccents(source.companyName).toUpperCase();
  }
}

function copyExisting(row: RowValues, target: ExistingAccount, how: number): void {
  if (how === 0 && target.email) {
    row.email = target.email.toUpperCase();
  } else if (how !== 2 && target.phone && target.phoneCode) {
    row.phone = target.phone;
    row.phoneCode = target.phoneCode;
  } else {
    row.companyName = foldAccents(target.companyName).toUpperCase();
  }
}

function foldAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** Exact numbers of each kind, spread over the file by a seeded shuffle; row 0 is always valid (a duplicate needs an earlier one). */
function planKinds(options: ProspectCsvOptions): Uint8Array {
  const rows = options.rows;
  if (!Number.isInteger(rows) || rows < 0) {
    throw new RangeError("rows must be a non-negative integer");
  }
  const share = (name: string, value: number | undefined) => {
    const v = value ?? 0;
    if (!(v >= 0 && v <= 1)) {
      throw new RangeError(`${name} must be between 0 and 1`);
    }
    return Math.round(rows * v);
  };
  const invalid = share("invalid", options.invalid);
  const duplicates = share("duplicates", options.duplicates);
  const existing = options.existing?.length ? share("existingDuplicates", options.existingDuplicates) : 0;
  if (options.existingDuplicates && !options.existing?.length) {
    throw new RangeError("existingDuplicates needs existing accounts");
  }
  if (invalid + duplicates + existing > Math.max(0, rows - 1)) {
    throw new RangeError("invalid + duplicates + existingDuplicates leave no valid row");
  }
  const plan = new Uint8Array(rows);
  let at = 1;
  for (let k = 0; k < invalid; k += 1) {
    plan[at++] = Kind.badEmail + (k % 3);
  }
  plan.fill(Kind.duplicate, at, at + duplicates);
  at += duplicates;
  plan.fill(Kind.existing, at, at + existing);
  const rng = new Prng(options.seed ?? 1);
  for (let i = rows - 1; i > 1; i -= 1) {
    const j = 1 + Math.floor(rng.next() * i);
    const swap = plan[i]!;
    plan[i] = plan[j]!;
    plan[j] = swap;
  }
  return plan;
}

/** A valid row before i (row 0 always is), picked by the row's own generator. */
function earlierValid(plan: Uint8Array, i: number, rng: Prng): number {
  for (let tries = 0; tries < 20; tries += 1) {
    const j = rng.int(0, i - 1);
    if (plan[j] === Kind.valid) {
      return j;
    }
  }
  for (let j = i - 1; j > 0; j -= 1) {
    if (plan[j] === Kind.valid) {
      return j;
    }
  }
  return 0;
}

/** An independent generator per row, so row i is the same whatever came before it. */
function rowRng(seed: number, i: number): Prng {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return new Prng((h ^ (h >>> 16)) >>> 0);
}
