/** What `npm run db:seed -- …` asked for. */
export interface SeedArgs {
  /** Volume accounts to add after the demo set; null when not asked. */
  accounts: number | null;
  help: boolean;
}

export const SEED_USAGE = `Usage: npm run db:seed [-- --accounts N]

Migrates the database named by DATABASE_URL, inserts the missing catalog rows, seeds the
demo users and accounts on an empty database (never when NODE_ENV=production), and with
--accounts N adds N volume accounts (contacts, notes, locations, follow-up data) for benchmarks.
`;

/** Parses `--accounts N`, `--accounts=N` (underscores and commas allowed: 100_000) and `--help`. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { accounts: null, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      args.help = true;
      continue;
    }
    const inline = /^--accounts=(.*)$/.exec(arg);
    if (arg !== "--accounts" && !inline) {
      throw new Error(`Unknown argument "${arg}"\n\n${SEED_USAGE}`);
    }
    const raw = inline ? inline[1] : argv[(i += 1)];
    const value = Number((raw ?? "").replace(/[_,]/g, ""));
    if (raw === undefined || raw === "" || !Number.isInteger(value) || value < 0) {
      throw new Error(`--accounts needs a whole number ≥ 0 (got ${raw === undefined ? "nothing" : `"${raw}"`})`);
    }
    args.accounts = value;
  }
  return args;
}
