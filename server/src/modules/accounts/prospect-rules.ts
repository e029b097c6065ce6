import { FieldChecks, isEmail } from "../../graphql/field-checks";
import { checkPhone as checkSharedPhone } from "../../graphql/phone-checks";
import type { Catalogs } from "../catalogs/catalog.types";

/** What a user (or a CSV row) gives to create a prospect, before validation. */
export interface ProspectDraft {
  name?: string | null;
  companyName?: string | null;
  email?: string | null;
  phoneCode?: string | null;
  phone?: string | null;
  localeId?: number | null;
  followUpStatusId?: number | null;
  monthlyShipmentId?: number | null;
  channel?: string | null;
}

/** A draft that passed the rules: trimmed, email lower-cased, phone digits only, defaults applied. */
export interface ValidProspect {
  name: string;
  companyName: string;
  email: string | null;
  phoneCode: string | null;
  phone: string | null;
  localeId: number;
  followUpStatusId: number;
  monthlyShipmentId: number | null;
  channel: string | null;
}

export type FieldErrors = Record<string, string>;

const MAX_TEXT = 191;

/** Trimmed text, or null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
}

/** Email rule (the shared isEmail): optional here, at most 191 characters, stored lower-case. */
export function checkEmail(value: string | null | undefined, errors: FieldErrors, field = "email"): string | null {
  const email = cleanText(value)?.toLowerCase() ?? null;
  if (email !== null && !isEmail(email)) {
    errors[field] = "must be a valid email address";
  }
  return email;
}

/**
 * Phone rule: the shared one (graphql/phone-checks.ts: a catalog phone code, exactly that
 * country's digit count once spaces, dashes, dots and parentheses are dropped), with the
 * code defaulting to the chosen locale's when only a number is given.
 */
export function checkPhone(
  input: { phoneCode?: string | null; phone?: string | null; localeId?: number | null },
  catalogs: Pick<Catalogs, "locales">,
  errors: FieldErrors,
): { phoneCode: string | null; phone: string | null } {
  if (cleanText(input.phone) === null) {
    return { phoneCode: null, phone: null };
  }
  const localeCode = catalogs.locales.find((l) => l.id === input.localeId)?.phoneCode ?? null;
  const checks = new FieldChecks();
  const result = checkSharedPhone(checks, catalogs.locales, cleanText(input.phoneCode) ?? localeCode, input.phone);
  // Collected, not thrown: an error object per invalid CSV row was a visible share of a validation.
  Object.assign(errors, checks.found);
  return result;
}

function checkRequiredText(value: string | null | undefined, field: string, errors: FieldErrors): string {
  const text = cleanText(value);
  if (text === null) {
    errors[field] = "is required";
    return "";
  }
  if (text.length > MAX_TEXT) {
    errors[field] = `must be at most ${MAX_TEXT} characters`;
  }
  return text;
}

/** Catalog id rules shared by create and update: each id must exist (statuses: active columns). */
export function checkCatalogIds(draft: ProspectDraft, catalogs: Catalogs, errors: FieldErrors): void {
  if (draft.localeId !== undefined && draft.localeId !== null && !catalogs.locales.some((l) => l.id === draft.localeId)) {
    errors.localeId = `${draft.localeId} is not a locale`;
  }
  if (draft.followUpStatusId !== undefined && draft.followUpStatusId !== null && !catalogs.followUpStatuses.some((s) => s.id === draft.followUpStatusId)) {
    errors.followUpStatusId = `${draft.followUpStatusId} is not an active follow-up status`;
  }
  if (draft.monthlyShipmentId !== undefined && draft.monthlyShipmentId !== null && !catalogs.monthlyShipmentRanges.some((r) => r.id === draft.monthlyShipmentId)) {
    errors.monthlyShipmentId = `${draft.monthlyShipmentId} is not a monthly shipment range`;
  }
  if (draft.channel !== undefined && draft.channel !== null && !catalogs.channels.some((c) => c.key === draft.channel)) {
    errors.channel = `"${draft.channel}" is not a channel`;
  }
}

/**
 * The rules a new prospect must pass (the add-prospect modal and every CSV row): required
 * name, company name and locale; email and/or phone; valid email; phone digits per country;
 * catalog ids that exist. Pure: the caller loads the catalogs once for any number of drafts.
 */
export function validateProspectDraft(draft: ProspectDraft, catalogs: Catalogs): { value: ValidProspect | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = checkRequiredText(draft.name, "name", errors);
  const companyName = checkRequiredText(draft.companyName, "companyName", errors);
  if (draft.localeId === undefined || draft.localeId === null) {
    errors.localeId = "is required";
  }
  checkCatalogIds(draft, catalogs, errors);
  const email = checkEmail(draft.email, errors);
  const { phoneCode, phone } = checkPhone(draft, catalogs, errors);
  if (email === null && phone === null) {
    errors.email = errors.email ?? "an email or a phone number is required";
  }
  const followUpStatusId = draft.followUpStatusId ?? catalogs.followUpStatuses[0]?.id ?? null;
  if (followUpStatusId === null) {
    errors.followUpStatusId = "no follow-up status is configured";
  }
  if (Object.keys(errors).length > 0) {
    return { value: null, errors };
  }
  return {
    value: {
      name,
      companyName,
      email,
      phoneCode,
      phone,
      localeId: draft.localeId!,
      followUpStatusId: followUpStatusId!,
      monthlyShipmentId: draft.monthlyShipmentId ?? null,
      channel: cleanText(draft.channel),
    },
    errors,
  };
}
