import * as yup from "yup";

import type { ContactCard_ContactFragment } from "../../../__generated__/graphql";
import type { ProspectMessages } from "../../add-prospect/messages";
import { emailRule, normalizePhone, normalizePhoneCode, phoneCodeRule, phoneRule, requiredTextRule, type PhoneLocale } from "../../add-prospect/prospectRules";

export interface ContactValues {
  name: string;
  email: string;
  phoneCode: string;
  phone: string;
  jobTitle: string;
}

export function contactValuesOf(contact: ContactCard_ContactFragment | null, defaultPhoneCode: string): ContactValues {
  return {
    name: contact?.name ?? "",
    email: contact?.email ?? "",
    phoneCode: contact?.phone?.code ?? defaultPhoneCode,
    phone: contact?.phone?.number ?? "",
    jobTitle: contact?.jobTitle ?? "",
  };
}

/** The server's contact rules: a name, an optional valid email, a phone with its country's digits. */
export function contactSchema(locales: readonly PhoneLocale[], m: ProspectMessages["rules"]) {
  return yup.object({
    name: requiredTextRule(m),
    email: emailRule(m),
    phoneCode: phoneCodeRule(locales, m),
    phone: phoneRule(locales, m),
    jobTitle: yup.string().trim().max(191, m.tooLong(191)),
  });
}

/** Input fields for add/update (empty optional fields are sent as null, which clears them). */
export function toContactInput(values: ContactValues) {
  const phone = normalizePhone(values.phone);
  const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    name: values.name.trim(),
    email: orNull(values.email),
    phoneCode: phone === "" ? null : normalizePhoneCode(values.phoneCode),
    phone: phone === "" ? null : phone,
    jobTitle: orNull(values.jobTitle),
  };
}
