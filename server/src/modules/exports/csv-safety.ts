/*
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab / carriage return before one) as a formula, so an exported name like
 * `=HYPERLINK("http://evil", "x")` would run on the reader's machine. Such cells get a
 * leading single quote, which Excel and LibreOffice show as text and do not display.
 *
 * Exempt: a cell that is only a signed number or an international phone (`-1500.50`,
 * `+52 55 1234 5678`): digits, spaces and one dot cannot call a function or reference a
 * cell, and quoting them would break numbers and phones on re-import. (Our own export
 * writes phones as `phone_code` digits without "+" plus national digits, so this only
 * matters for text a user typed.)
 */

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
const SAFE_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const SAFE_PHONE = /^\+\d[\d ]*\d$/;

/** The cell as it is safe to hand to a spreadsheet. */
export function neutralizeCell(value: string): string {
  if (value === "" || !TRIGGERS.has(value[0]!)) {
    return value;
  }
  if (SAFE_NUMBER.test(value) || SAFE_PHONE.test(value)) {
    return value;
  }
  return `'${value}`;
}

/**
 * The inverse for an importer: drops the quote neutralizeCell added (one leading `'`
 * followed by a trigger character), so an exported file re-imports the original text.
 */
export function restoreNeutralizedCell(value: string): string {
  return value.length > 1 && value[0] === "'" && TRIGGERS.has(value[1]!) ? value.slice(1) : value;
}
