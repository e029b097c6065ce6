import { toGlobalId } from "../../graphql/global-id";
import type { RespondioContactBody } from "./respondio.client";

/**
 * Names of the Respond.io contact custom fields the sync fills (create them in the workspace:
 * Settings → Contact fields). One place, like the endpoint paths.
 */
export const RESPONDIO_CUSTOM_FIELDS = { company: "company", accountId: "crm_account_id", crmUrl: "crm_url" } as const;

/** What the lead sync needs of a prospect, read in one statement by the job. */
export interface ProspectForSync {
  id: number;
  name: string;
  companyName: string;
  email: string | null;
  phoneCode: string | null;
  phone: string | null;
  /** The account locale's calling code and national digit count, when the row has no code of its own. */
  localePhoneCode: string | null;
  localePhoneDigits: number | null;
  salesmanEmail: string | null;
}

const digitsOf = (value: string | null | undefined) => (value ?? "").replace(/\D/g, "");

/**
 * E.164 (`+<code><national number>`) from a stored calling code and number, or null when no valid
 * number can be built (fewer than 8 or more than 15 digits). Spaces, dashes, dots and brackets are
 * ignored; a number typed with a leading `+` is taken as already international; a `00<code>` or
 * `<code>` prefix repeated in the national number (when it then has the country's digit count) is
 * dropped, as is Mexico's retired mobile `1` after 52 (`+52 1 55…` → `+52 55…`).
 */
export function toE164(phoneCode: string | null, phone: string | null, expectedDigits?: number | null): string | null {
  const raw = (phone ?? "").trim();
  let national = digitsOf(raw);
  if (national === "") {
    return null;
  }
  if (raw.startsWith("+")) {
    return national.length >= 8 && national.length <= 15 ? `+${national}` : null;
  }
  const code = digitsOf(phoneCode);
  if (code === "") {
    return null;
  }
  if (national.startsWith(`00${code}`)) {
    national = national.slice(2 + code.length);
  } else if (expectedDigits && national.length === code.length + expectedDigits && national.startsWith(code)) {
    national = national.slice(code.length);
  }
  if (code === "52" && national.length === 11 && national.startsWith("1")) {
    national = national.slice(1);
  }
  const full = `${code}${national}`;
  return full.length >= 8 && full.length <= 15 ? `+${full}` : null;
}

/** The prospect's number in E.164, using the locale's calling code when the row has none. */
export function prospectE164(prospect: ProspectForSync): string | null {
  return toE164(prospect.phoneCode || prospect.localePhoneCode, prospect.phone, prospect.localePhoneDigits);
}

/**
 * The URL-encoded identifier Respond.io addresses the contact by: `phone:<E.164>` when the prospect
 * has a usable number (the messaging channels key contacts by phone), else `email:<address>`,
 * else null.
 */
export function contactIdentifier(prospect: ProspectForSync): string | null {
  const e164 = prospectE164(prospect);
  if (e164) {
    return `phone:${encodeURIComponent(e164)}`;
  }
  const email = prospect.email?.trim();
  return email ? `email:${encodeURIComponent(email)}` : null;
}

/** "Ana María Pérez" → first "Ana", last "María Pérez"; one word is a first name only. */
export function splitName(name: string): { firstName: string; lastName?: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) {
    return { firstName: words[0] ?? "" };
  }
  return { firstName: words[0]!, lastName: words.slice(1).join(" ") };
}

/** The create_or_update body: name, email, phone and the CRM custom fields (link only with CRM_PUBLIC_URL). */
export function contactBody(prospect: ProspectForSync, crmPublicUrl?: string): RespondioContactBody {
  const { firstName, lastName } = splitName(prospect.name);
  const phone = prospectE164(prospect);
  const customFields: Array<{ name: string; value: string }> = [
    { name: RESPONDIO_CUSTOM_FIELDS.company, value: prospect.companyName },
    { name: RESPONDIO_CUSTOM_FIELDS.accountId, value: String(prospect.id) },
  ];
  if (crmPublicUrl) {
    const link = new URL(crmPublicUrl);
    link.searchParams.set("account", toGlobalId("Account", prospect.id));
    customFields.push({ name: RESPONDIO_CUSTOM_FIELDS.crmUrl, value: link.toString() });
  }
  return {
    firstName: firstName || prospect.companyName,
    ...(lastName ? { lastName } : {}),
    ...(prospect.email ? { email: prospect.email } : {}),
    ...(phone ? { phone } : {}),
    custom_fields: customFields,
  };
}
