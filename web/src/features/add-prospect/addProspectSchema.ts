import * as yup from "yup";

import type { ProspectMessages } from "./messages";
import { contactFieldRules, toContactFieldsInput, type ContactFieldValues, type PhoneLocale } from "./prospectRules";

export type ProspectKind = "PROSPECT" | "PARTNER_PROSPECT";

export interface AddProspectValues extends ContactFieldValues {
  type: ProspectKind;
  followUpStatusId: string;
  monthlyShipmentId: string;
  channel: string;
  /** The executive (User id); only offered and sent with crm-edit-salesman-prospect. */
  salesmanId: string;
}

export function emptyProspect(
  locales: ReadonlyArray<PhoneLocale & { code: string }>,
  firstStatusId: number | undefined,
  salesmanId = "",
): AddProspectValues {
  // Most leads are Mexican: Mexico first, else the first country of the catalog.
  const locale = locales.find((item) => item.code === "MX") ?? locales[0];
  return {
    type: "PROSPECT",
    name: "",
    companyName: "",
    email: "",
    localeId: locale ? String(locale.id) : "",
    phoneCode: locale?.phoneCode ?? "",
    phone: "",
    followUpStatusId: firstStatusId === undefined ? "" : String(firstStatusId),
    monthlyShipmentId: "",
    channel: "",
    salesmanId,
  };
}

export function addProspectSchema(locales: readonly PhoneLocale[], m: ProspectMessages["rules"]) {
  return yup.object(contactFieldRules(locales, m));
}

/** createProspect's input; `allowDuplicate` after the user chose "add anyway". */
export function toCreateProspectInput(values: AddProspectValues, allowDuplicate: boolean) {
  const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    type: values.type,
    ...toContactFieldsInput(values),
    followUpStatusId: values.followUpStatusId === "" ? null : Number(values.followUpStatusId),
    monthlyShipmentId: values.monthlyShipmentId === "" ? null : Number(values.monthlyShipmentId),
    channel: orNull(values.channel),
    // Omitted = the creator (the server's default); only the picker (crm-edit-salesman-prospect) sets it.
    ...(values.salesmanId === "" ? {} : { salesmanId: values.salesmanId }),
    allowDuplicate,
  };
}
