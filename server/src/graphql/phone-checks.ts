import type { FieldChecks } from "./field-checks";

/** What phone validation needs of the locale catalog. */
export interface PhoneLocale {
  phoneCode: string;
  phoneDigits: number;
}

/**
 * Checks a phone code and national number together: both or neither; the code must be
 * one of a known locale, the number exactly that locale's digit count (spaces, dashes,
 * dots and parentheses are dropped). Returns the normalised pair.
 */
export function checkPhone(
  checks: FieldChecks,
  locales: readonly PhoneLocale[],
  code: string | null | undefined,
  number: string | null | undefined,
  fields: { code: string; number: string } = { code: "phoneCode", number: "phone" },
): { phoneCode: string | null; phone: string | null } {
  const phoneCode = code?.trim().replace(/^\+/, "") || null;
  const phone = number?.replace(/[\s().-]/g, "") || null;
  if (phoneCode === null && phone === null) {
    return { phoneCode, phone };
  }
  if (phoneCode === null) {
    checks.add(fields.code, "is required with a phone number");
    return { phoneCode, phone };
  }
  if (phone === null) {
    checks.add(fields.number, "is required with a phone code");
    return { phoneCode, phone };
  }
  const digits = locales.filter((l) => l.phoneCode === phoneCode).map((l) => l.phoneDigits);
  if (digits.length === 0) {
    checks.add(fields.code, `+${phoneCode} is not the phone code of a known locale`);
  } else if (!/^\d+$/.test(phone)) {
    checks.add(fields.number, "must contain digits only");
  } else if (!digits.includes(phone.length)) {
    checks.add(fields.number, `must have ${digits.join(" or ")} digits for +${phoneCode}`);
  }
  return { phoneCode, phone };
}
