/** What `npm run bench -- …` asked for. */
export interface BenchArgs {
  quick: boolean;
  /** Suite ids to run (all when null). */
  only: string[] | null;
  /** The dedicated MariaDB database (created when missing). */
  database: string;
  /** Volume accounts to seed. */
  accounts: number;
  /** MariaDB server, without a database name. */
  server: string;
  /** Write BENCHMARKS.md and bench-results.json (off with --no-report). */
  report: boolean;
  help: boolean;
}

export const DEFAULT_DATABASE = "crm_bench";
export const FULL_ACCOUNTS = 100_000;
/** The volume seed writes ~500–1,000 accounts/s on the 2-core machine: ~10 s for the quick run. */
export const QUICK_ACCOUNTS = 5_000;
export const DEFAULT_SERVER = "mysql://root@127.0.0.1:3306";

export const BENCH_USAGE = `Usage: npm run bench [-- options]

Seeds a dedicated MariaDB database with the volume data set (reused when it already holds the
same seed), starts the built API against it, runs the benchmark suites and writes BENCHMARKS.md
and bench-results.json at the repository root.

  --quick              a 1–2 minute run: ${QUICK_ACCOUNTS.toLocaleString("en-US")} accounts (unless --accounts), fewer samples
  --only <id>[,<id>…]  run only these suites (repeatable); the report rewrites their sections and
                       keeps the other suites' from the last bench-results.json, naming their run
  --database <name>    the bench database (default ${DEFAULT_DATABASE}); created on the server when missing
  --accounts <N>       volume accounts to seed (default ${FULL_ACCOUNTS.toLocaleString("en-US")}, quick ${QUICK_ACCOUNTS.toLocaleString("en-US")})
  --server <url>       MariaDB server (default ${DEFAULT_SERVER})
  --no-report          do not write BENCHMARKS.md / bench-results.json
  --help               this text
`;

/** A bad command line: the message names the argument. */
export class BenchArgsError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${BENCH_USAGE}`);
    this.name = "BenchArgsError";
  }
}

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** Parses argv (without node and the script); `--name value` and `--name=value` both work. */
export function parseBenchArgs(argv: readonly string[], knownSuites: readonly string[]): BenchArgs {
  let quick = false;
  let only: string[] | null = null;
  let database = DEFAULT_DATABASE;
  let accounts: number | null = null;
  let server = DEFAULT_SERVER;
  let report = true;
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const raw = inline ?? argv[(i += 1)];
      if (raw === undefined || raw === "" || (inline === undefined && raw.startsWith("--"))) {
        throw new BenchArgsError(`${name} needs a value`);
      }
      return raw;
    };
    const flag = (): void => {
      if (inline !== undefined) {
        throw new BenchArgsError(`${name} takes no value (got "${inline}")`);
      }
    };
    switch (name) {
      case "--quick":
        flag();
        quick = true;
        break;
      case "--no-report":
        flag();
        report = false;
        break;
      case "--help":
      case "-h":
        flag();
        help = true;
        break;
      case "--only": {
        const ids = value()
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        const unknown = ids.filter((id) => !knownSuites.includes(id));
        if (ids.length === 0 || unknown.length > 0) {
          throw new BenchArgsError(`--only: unknown suite ${unknown.map((u) => `"${u}"`).join(", ") || "(none given)"}; known: ${knownSuites.join(", ") || "(none)"}`);
        }
        only = [...new Set([...(only ?? []), ...ids])];
        break;
      }
      case "--database": {
        const raw = value();
        if (!DATABASE_NAME.test(raw)) {
          throw new BenchArgsError(`--database must be letters, digits and _ (got "${raw}")`);
        }
        database = raw;
        break;
      }
      case "--accounts": {
        const raw = value();
        const n = Number(raw.replace(/[_,]/g, ""));
        if (!Number.isInteger(n) || n < 1) {
          throw new BenchArgsError(`--accounts needs a whole number ≥ 1 (got "${raw}")`);
        }
        accounts = n;
        break;
      }
      case "--server": {
        const raw = value();
        if (!/^(mysql|mariadb):\/\/[^/]+\/?$/.test(raw)) {
          throw new BenchArgsError(`--server must be mysql://user[:pass]@host:port without a database (got "${raw}")`);
        }
        server = raw.replace(/\/$/, "");
        break;
      }
      default:
        throw new BenchArgsError(`Unknown argument "${arg}"`);
    }
  }
  return { quick, only, database, accounts: accounts ?? (quick ? QUICK_ACCOUNTS : FULL_ACCOUNTS), server, report, help };
}
