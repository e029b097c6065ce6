import * as yup from "yup";

import type { ProspectMessages } from "./messages";

/** What the phone rules need of the locale catalog. */
export interface PhoneLocale {
  readonly id: number;
  readonly phoneCode: string;
  readonly phoneDigits: number;
}

/** The server's limit for names, company names and emails (VARCHAR(191)). */
export const maxText = 191;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Digits of a phone as the server keeps them: spaces, dashes, dots and parentheses dropped. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s().-]/g, "");
}

export function normalizePhoneCode(value: string): string {
  return value.trim().replace(/^\+/, "");
}

/** The contact fields both forms edit, as strings (select values included). */
export interface ContactFieldValues {
  name: string;
  companyName: string;
  email: string;
  phoneCode: string;
  phone: string;
  localeId: string;
}

type RuleMessages = ProspectMessages["rules"];

/** Required trimmed text of at most 191 characters. */
export function requiredTextRule(m: RuleMessages) {
  return yup.string().trim().required(m.required).max(maxText, m.tooLong(maxText));
}

/** An optional email address. */
export function emailRule(m: RuleMessages) {
  return yup
    .string()
    .trim()
    .max(maxText, m.tooLong(maxText))
    .test("email", m.email, (value) => !value || emailPattern.test(value));
}

/** The phone code of a sibling `phone`: required with a number, and one of a known country. */
export function phoneCodeRule(locales: readonly PhoneLocale[], m: RuleMessages) {
  return yup.string().test("phone-code", function phoneCode(value) {
    const { phone } = this.parent as { phone?: string };
    if (!phone?.trim()) {
      return true;
    }
    const code = normalizePhoneCode(value ?? "");
    if (code === "") {
      return this.createError({ message: m.phoneCodeRequired });
    }
    return locales.some((locale) => locale.phoneCode === code) || this.createError({ message: m.unknownPhoneCode });
  });
}

/** A phone number: digits only, exactly as many as the sibling `phoneCode`'s country has. */
export function phoneRule(locales: readonly PhoneLocale[], m: RuleMessages) {
  return yup.string().test("phone", function phoneDigits(value) {
    const digits = normalizePhone(value ?? "");
    if (digits === "") {
      return true;
    }
    if (!/^\d+$/.test(digits)) {
      return this.createError({ message: m.digitsOnly });
    }
    const code = normalizePhoneCode((this.parent as { phoneCode?: string }).phoneCode ?? "");
    const owner = locales.find((locale) => locale.phoneCode === code);
    if (owner && digits.length !== owner.phoneDigits) {
      return this.createError({ message: m.phoneDigits(owner.phoneDigits, code) });
    }
    return true;
  });
}

/**
 * The server's prospect rules (server/src/modules/accounts/prospect-rules.ts) mirrored in yup:
 * required name, company and country; a valid email; an email or a phone; a phone code of a
 * known country and exactly that country's digit count.
 */
export function contactFieldRules(locales: readonly PhoneLocale[], m: RuleMessages) {
  return {
    name: requiredTextRule(m),
    companyName: requiredTextRule(m),
    localeId: yup.string().required(m.required),
    email: emailRule(m).test("email-or-phone", m.emailOrPhone, function emailOrPhone(value) {
      const phone = (this.parent as ContactFieldValues).phone;
      return Boolean(value?.trim()) || Boolean(phone?.trim());
    }),
    phoneCode: phoneCodeRule(locales, m),
    phone: phoneRule(locales, m),
  };
}

/**
 * The contact fields as createProspect and updateAccount take them: trimmed text, no email =
 * null, the phone as digits with its code, or both null without a number.
 */
export function toContactFieldsInput(values: ContactFieldValues) {
  const phone = normalizePhone(values.phone);
  const email = values.email.trim();
  return {
    name: values.name.trim(),
    companyName: values.companyName.trim(),
    email: email === "" ? null : email,
    phoneCode: phone === "" ? null : normalizePhoneCode(values.phoneCode),
    phone: phone === "" ? null : phone,
    localeId: Number(values.localeId),
  };
}

/** The phone code to prefill when the user picks a country. */
export function phoneCodeForLocale(locales: readonly PhoneLocale[], localeId: string): string {
  return locales.find((locale) => String(locale.id) === localeId)?.phoneCode ?? "";
}
