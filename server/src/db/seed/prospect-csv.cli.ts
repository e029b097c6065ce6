/** npm run csv:generate -w server -- --rows N [options]: a realistic prospect CSV for import tests and benchmarks. */
import "reflect-metadata";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { env } from "../../config/env";
import { AccountEntity } from "../../modules/accounts/account.entity";
import { createDataSource } from "../data-source";
import { writeProspectCsvFile, type ExistingAccount, type ProspectCsvOptions } from "./prospect-csv.generator";

export const CSV_GENERATE_USAGE = `Usage: npm run csv:generate -w server -- --rows N --out FILE [options]

  --rows N                  data rows (required; 100_000 allowed)
  --out FILE                where to write (required)
  --seed N                  same seed, same file (default 1)
  --invalid SHARE           share of invalid rows, 0-1: bad email, missing name, bad phone (default 0)
  --duplicates SHARE        share of rows repeating an earlier valid row (default 0)
  --existing-duplicates SHARE  share of rows repeating accounts already in DATABASE_URL (default 0)
  --headers canonical|spanish  template headers or Spanish ones (Nombre, Empresa, …) (default canonical)
  --delimiter comma|semicolon  (default comma)
  --line-ending crlf|lf     (default crlf)
  --encoding utf8|windows-1252  windows-1252 = what Excel in Mexico saves (no BOM) (default utf8)
  --no-bom                  without the UTF-8 byte order mark
  --no-notes                without the multi-line "notes" column (unmapped by the import)

Prints the exact expected counts as JSON: rows, valid, invalid, duplicates, …
`;

function share(name: string, raw: string | undefined): number {
  const value = Number(raw ?? 0);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`--${name} must be a share between 0 and 1 (got "${raw}")`);
  }
  return value;
}

export function parseCsvGenerateArgs(argv: string[]): { options: ProspectCsvOptions; out: string } | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      invalid: { type: "string" },
      duplicates: { type: "string" },
      "existing-duplicates": { type: "string" },
      headers: { type: "string" },
      delimiter: { type: "string" },
      "line-ending": { type: "string" },
      encoding: { type: "string" },
      "no-bom": { type: "boolean" },
      "no-notes": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    return null;
  }
  const rows = Number((values.rows ?? "").replace(/[_,]/g, ""));
  if (!values.rows || !Number.isInteger(rows) || rows < 1) {
    throw new Error(`--rows needs a whole number ≥ 1\n\n${CSV_GENERATE_USAGE}`);
  }
  if (!values.out) {
    throw new Error(`--out FILE is required\n\n${CSV_GENERATE_USAGE}`);
  }
  const headers = values.headers ?? "canonical";
  if (headers !== "canonical" && headers !== "spanish") {
    throw new Error("--headers must be canonical or spanish");
  }
  const delimiter = values.delimiter ?? "comma";
  if (delimiter !== "comma" && delimiter !== "semicolon") {
    throw new Error("--delimiter must be comma or semicolon");
  }
  const lineEnding = values["line-ending"] ?? "crlf";
  if (lineEnding !== "crlf" && lineEnding !== "lf") {
    throw new Error("--line-ending must be crlf or lf");
  }
  const encoding = values.encoding ?? "utf8";
  if (encoding !== "utf8" && encoding !== "windows-1252") {
    throw new Error("--encoding must be utf8 or windows-1252");
  }
  return {
    out: resolve(values.out),
    options: {
      rows,
      seed: values.seed === undefined ? 1 : Number(values.seed),
      invalid: share("invalid", values.invalid),
      duplicates: share("duplicates", values.duplicates),
      existingDuplicates: share("existing-duplicates", values["existing-duplicates"]),
      headers,
      delimiter: delimiter === "comma" ? "," : ";",
      lineEnding,
      encoding,
      bom: !values["no-bom"],
      notes: !values["no-notes"],
    },
  };
}

/** Up to `limit` accounts of the configured database to duplicate (oldest first, so reruns pick the same ones). */
async function existingAccounts(limit: number): Promise<ExistingAccount[]> {
  const url = env().DATABASE_URL;
  const dataSource = await createDataSource(url);
  await dataSource.initialize();
  try {
    const rows = await dataSource.getRepository(AccountEntity).find({ order: { id: "ASC" }, take: limit });
    return rows.map((a) => ({ email: a.email, phoneCode: a.phoneCode, phone: a.phone, companyName: a.companyName }));
  } catch (error) {
    const where = url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
    throw new Error(`--existing-duplicates reads accounts from DATABASE_URL (${where}) and could not: ${error instanceof Error ? error.message : String(error)}. Run npm run db:seed first or point DATABASE_URL at a CRM database.`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const parsed = parseCsvGenerateArgs(process.argv.slice(2));
  if (!parsed) {
    process.stdout.write(CSV_GENERATE_USAGE);
    return;
  }
  const { options, out } = parsed;
  if (options.existingDuplicates) {
    const wanted = Math.round(options.rows * options.existingDuplicates);
    options.existing = await existingAccounts(wanted);
    if (options.existing.length === 0) {
      throw new Error("--existing-duplicates: the database has no accounts to duplicate");
    }
  }
  const counts = await writeProspectCsvFile(out, options);
  process.stdout.write(`${JSON.stringify({ file: out, ...counts }, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
