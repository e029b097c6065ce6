import { useCallback } from "react";

import { errorMessage, type ErrorMessageOverrides } from "./errors";
import { useT } from "./i18n";
import { commonMessages } from "./messages";

/** `(error, overrides?) => message` in the current locale: how components turn errors into words. */
export function useErrorMessage(): (error: unknown, overrides?: ErrorMessageOverrides) => string {
  const { errors } = useT(commonMessages);
  return useCallback((error, overrides) => errorMessage(error, errors, overrides), [errors]);
}
