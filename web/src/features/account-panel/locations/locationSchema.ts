import * as yup from "yup";

import type { LocationCard_LocationFragment, LocationKind } from "../../../__generated__/graphql";
import type { ProspectMessages } from "../../add-prospect/messages";
import type { locationsMessages } from "./messages";

export const locationKinds: readonly LocationKind[] = ["OFFICE", "WAREHOUSE", "BRANCH", "HEADQUARTERS", "DISTRIBUTION_CENTER"];

export interface LocationValues {
  kind: LocationKind;
  name: string;
  street: string;
  exteriorNumber: string;
  interiorNumber: string;
  neighborhood: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  isPrimary: boolean;
}

export function locationValuesOf(location: LocationCard_LocationFragment | null): LocationValues {
  return {
    kind: location?.kind ?? "OFFICE",
    name: location?.name ?? "",
    street: location?.street ?? "",
    exteriorNumber: location?.exteriorNumber ?? "",
    interiorNumber: location?.interiorNumber ?? "",
    neighborhood: location?.neighborhood ?? "",
    city: location?.city ?? "",
    state: location?.state ?? "",
    postalCode: location?.postalCode ?? "",
    country: location?.country ?? "MX",
    isPrimary: location?.isPrimary ?? false,
  };
}

/** The server's address rules: street, city, state and postal code required; 5-digit postal codes in Mexico. */
export function locationSchema(rules: ProspectMessages["rules"], m: (typeof locationsMessages)["en"]) {
  const required = yup.string().trim().required(rules.required).max(191, rules.tooLong(191));
  return yup.object({
    street: required,
    city: required,
    state: required,
    country: yup.string().trim().matches(/^[A-Za-z]{2}$/, m.countryCode),
    postalCode: yup
      .string()
      .trim()
      .required(rules.required)
      .test("mx-postal-code", m.postalCodeMx, function postalCode(value) {
        const { country } = this.parent as LocationValues;
        return (country ?? "MX").toUpperCase() !== "MX" || /^\d{5}$/.test(value ?? "");
      }),
  });
}

export function toLocationInput(values: LocationValues) {
  const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    kind: values.kind,
    name: orNull(values.name),
    street: values.street.trim(),
    exteriorNumber: orNull(values.exteriorNumber),
    interiorNumber: orNull(values.interiorNumber),
    neighborhood: orNull(values.neighborhood),
    city: values.city.trim(),
    state: values.state.trim(),
    postalCode: values.postalCode.trim(),
    country: values.country.trim().toUpperCase() || "MX",
    isPrimary: values.isPrimary,
  };
}
