import { csvField, toCsv } from "./exportCsv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["Pérez, Ana", '"Pérez, Ana"'],
    ['say "hola"', '"say ""hola"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+52 55 1234 5678", "'+52 55 1234 5678"],
  ])("should write %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("should start with a BOM and end every line with CRLF", () => {
    expect(toCsv(["Name", "Company"], [["Ana", "Acme, S.A."]])).toBe('\uFEFFName,Company\r\nAna,"Acme, S.A."\r\n');
  });
});
