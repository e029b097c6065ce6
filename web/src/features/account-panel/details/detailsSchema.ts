import * as yup from "yup";

import type { AccountSize, DetailsTab_AccountFragment } from "../../../__generated__/graphql";
import { accountSizes } from "../../accounts/enums";
import type { ProspectMessages } from "../../add-prospect/messages";
import { contactFieldRules, toContactFieldsInput, type ContactFieldValues, type PhoneLocale } from "../../add-prospect/prospectRules";

/** The details form as strings (inputs and selects); converted to the update input on submit. */
export interface DetailsValues extends ContactFieldValues {
  channel: string;
  accountValue: string;
  monthlyShipments: string;
  ecommerceTypeId: string;
  weightId: string;
  contentId: string;
  accountSize: string;
  estimatedCloseDate: string;
  annotations: string;
}

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? "" : String(value));

export function detailsValuesOf(account: DetailsTab_AccountFragment): DetailsValues {
  const data = account.followUpData;
  return {
    name: account.name,
    companyName: account.companyName,
    email: text(account.email),
    phoneCode: account.phone?.code ?? account.locale.phoneCode,
    phone: text(account.phone?.number),
    localeId: String(account.locale.id),
    channel: text(data?.channel?.key),
    accountValue: text(data?.accountValue),
    monthlyShipments: text(data?.monthlyShipments),
    ecommerceTypeId: text(data?.ecommerceType?.id),
    weightId: text(data?.weight?.id),
    contentId: text(data?.content?.id),
    accountSize: text(data?.accountSize),
    estimatedCloseDate: text(data?.estimatedCloseDate),
    annotations: text(data?.annotations),
  };
}

/** Contact rules shared with the add-prospect modal, plus the follow-up data's numbers and date. */
export function detailsSchema(locales: readonly PhoneLocale[], m: ProspectMessages["rules"]) {
  const optionalNumber = yup.string().test("number", function isNumber(value) {
    if (!value?.trim()) {
      return true;
    }
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) {
      return this.createError({ message: m.number });
    }
    return parsed >= 0 || this.createError({ message: m.notNegative });
  });
  return yup.object({
    ...contactFieldRules(locales, m),
    accountValue: optionalNumber,
    monthlyShipments: optionalNumber.test("integer", m.wholeNumber, (value) => !value?.trim() || Number.isInteger(Number(value))),
    estimatedCloseDate: yup.string().matches(/^(\d{4}-\d{2}-\d{2})?$/, m.number),
    annotations: yup.string().max(5000, m.tooLong(5000)),
  });
}

const orNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());
const idOrNull = (value: string): number | null => (value === "" ? null : Number(value));

/** The updateAccount input: every field sent (null clears), with the version read, so a stale edit is refused. */
export function toUpdateAccountInput(values: DetailsValues, account: Pick<DetailsTab_AccountFragment, "id" | "version">) {
  return {
    accountId: account.id,
    version: account.version,
    ...toContactFieldsInput(values),
    followUpData: {
      channel: orNull(values.channel),
      accountValue: values.accountValue.trim() === "" ? null : Number(values.accountValue),
      monthlyShipments: values.monthlyShipments.trim() === "" ? null : Number(values.monthlyShipments),
      ecommerceTypeId: idOrNull(values.ecommerceTypeId),
      weightId: idOrNull(values.weightId),
      contentId: idOrNull(values.contentId),
      accountSize: (accountSizes as readonly string[]).includes(values.accountSize) ? (values.accountSize as AccountSize) : null,
      estimatedCloseDate: orNull(values.estimatedCloseDate),
      annotations: orNull(values.annotations),
    },
  };
}

/** Server field names → form field names (follow-up fields may come prefixed with `followUpData.`). */
export function detailsFieldErrors(fields: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) {
    errors[field.replace(/^(input\.)?(followUpData\.)?/, "")] = problem;
  }
  return errors;
}
