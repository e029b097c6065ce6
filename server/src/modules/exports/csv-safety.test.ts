import { neutralizeCell, restoreNeutralizedCell } from "./csv-safety";

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["-Distribuidora-", "'-Distribuidora-"],
    ["+52 55 abc", "'+52 55 abc"],
  ])("should prefix a quote to %j", (value, safe) => {
    expect(neutralizeCell(value)).toBe(safe);
  });

  it.each(["", "Logística del Bajío", "ana@bajio.mx", "52", "5512345678", "-1500.50", "+5255123456", "+52 55 1234 5678", "a=b", "1-2"])(
    "should keep %j as it is (no trigger, or a plain number / phone)",
    (value) => {
      expect(neutralizeCell(value)).toBe(value);
    },
  );

  it.each(["=1+1", "+cmd|x", "-x", "@x", "\tx", "\rx", "plain", "'quoted already", "'"])("should restore %j after neutralising it", (value) => {
    expect(restoreNeutralizedCell(neutralizeCell(value))).toBe(value);
  });

  it("should leave a user's own leading quote before ordinary text alone", () => {
    expect(restoreNeutralizedCell("'Rock'n'Roll")).toBe("'Rock'n'Roll");
  });
});
