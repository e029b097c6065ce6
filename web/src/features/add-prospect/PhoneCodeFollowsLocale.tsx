import { useFormikContext } from "formik";
import { useEffect, useRef } from "react";

import { phoneCodeForLocale, type ContactFieldValues, type PhoneLocale } from "./prospectRules";

/**
 * Phone code per locale: picking a country fills in its calling code, unless the user typed a
 * different code by hand (then their choice stays).
 */
export function PhoneCodeFollowsLocale({ locales }: { locales: readonly PhoneLocale[] }) {
  const { values, setFieldValue } = useFormikContext<ContactFieldValues>();
  const previousLocale = useRef(values.localeId);
  useEffect(() => {
    if (previousLocale.current === values.localeId) {
      return;
    }
    const previousCode = phoneCodeForLocale(locales, previousLocale.current);
    previousLocale.current = values.localeId;
    if (values.phoneCode === "" || values.phoneCode === previousCode) {
      void setFieldValue("phoneCode", phoneCodeForLocale(locales, values.localeId), false);
    }
  }, [locales, setFieldValue, values.localeId, values.phoneCode]);
  return null;
}
