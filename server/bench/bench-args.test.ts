import { DEFAULT_DATABASE, FULL_ACCOUNTS, parseBenchArgs, QUICK_ACCOUNTS } from "./bench-args";

const SUITES = ["sql-counts", "graphql-vs-raw", "search"];

describe("parseBenchArgs", () => {
  it("should default to the full run on crm_bench with 100,000 accounts and every suite", () => {
    expect(parseBenchArgs([], SUITES)).toEqual({
      quick: false,
      only: null,
      database: DEFAULT_DATABASE,
      accounts: FULL_ACCOUNTS,
      server: "mysql://root@127.0.0.1:3306",
      report: true,
      help: false,
    });
  });

  it("should seed fewer accounts in quick mode unless --accounts says otherwise", () => {
    expect(parseBenchArgs(["--quick"], SUITES).accounts).toBe(QUICK_ACCOUNTS);
    expect(parseBenchArgs(["--quick", "--accounts", "2_000"], SUITES).accounts).toBe(2000);
    expect(parseBenchArgs(["--accounts=1,500"], SUITES)).toMatchObject({ quick: false, accounts: 1500 });
  });

  it("should accept --only as a list, repeated, with either spelling", () => {
    expect(parseBenchArgs(["--only", "sql-counts,graphql-vs-raw"], SUITES).only).toEqual(["sql-counts", "graphql-vs-raw"]);
    expect(parseBenchArgs(["--only=search", "--only", "search,sql-counts"], SUITES).only).toEqual(["search", "sql-counts"]);
  });

  it("should name the argument that is wrong", () => {
    expect(() => parseBenchArgs(["--only", "sql-count"], SUITES)).toThrow(/--only: unknown suite "sql-count"; known: sql-counts, graphql-vs-raw, search/);
    expect(() => parseBenchArgs(["--accounts", "ten"], SUITES)).toThrow(/--accounts needs a whole number ≥ 1 \(got "ten"\)/);
    expect(() => parseBenchArgs(["--accounts", "0"], SUITES)).toThrow(/--accounts needs a whole number/);
    expect(() => parseBenchArgs(["--accounts"], SUITES)).toThrow(/--accounts needs a value/);
    expect(() => parseBenchArgs(["--database", "--quick"], SUITES)).toThrow(/--database needs a value/);
    expect(() => parseBenchArgs(["--database", "crm-bench;drop"], SUITES)).toThrow(/--database must be letters, digits and _/);
    expect(() => parseBenchArgs(["--server", "mysql://root@127.0.0.1:3306/crm"], SUITES)).toThrow(/--server must be/);
    expect(() => parseBenchArgs(["--quick=yes"], SUITES)).toThrow(/--quick takes no value/);
    expect(() => parseBenchArgs(["--fast"], SUITES)).toThrow(/Unknown argument "--fast"/);
  });

  it("should take a database name and a server", () => {
    expect(parseBenchArgs(["--database", "crm_bench_core", "--server", "mysql://u:p@db:3307/"], SUITES)).toMatchObject({ database: "crm_bench_core", server: "mysql://u:p@db:3307" });
  });
});
