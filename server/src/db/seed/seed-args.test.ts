import { parseSeedArgs } from "./seed-args";

describe("parseSeedArgs", () => {
  it("should ask for no volume data when called without arguments", () => {
    expect(parseSeedArgs([])).toEqual({ accounts: null, help: false });
  });

  it.each([
    [["--accounts", "100000"], 100_000],
    [["--accounts=2000"], 2000],
    [["--accounts", "100_000"], 100_000],
    [["--accounts", "20,000"], 20_000],
    [["--accounts", "0"], 0],
  ])("should read %j as %d accounts", (argv, accounts) => {
    expect(parseSeedArgs(argv).accounts).toBe(accounts);
  });

  it.each([[["--accounts"]], [["--accounts", "-5"]], [["--accounts", "1.5"]], [["--accounts", "many"]], [["--accounts="]]])(
    "should reject %j with a message naming --accounts",
    (argv) => {
      expect(() => parseSeedArgs(argv)).toThrow(/--accounts needs a whole number/);
    },
  );

  it("should reject an unknown argument and show the usage", () => {
    expect(() => parseSeedArgs(["--acounts", "5"])).toThrow(/Unknown argument "--acounts"[\s\S]*Usage: npm run db:seed/);
  });

  it("should recognise --help", () => {
    expect(parseSeedArgs(["--help"]).help).toBe(true);
  });
});
