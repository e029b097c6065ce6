import { setIn, type FormikErrors, type FormikHelpers } from "formik";

import { fieldErrorsOf } from "../../lib/errors";
import { localizeFieldErrors, type FieldRuleMessages } from "../../lib/localizeFieldErrors";

/**
 * The server's BAD_USER_INPUT fields as Formik errors: messages of rules the form mirrors in its
 * own words (`messages`), dotted server keys ("company.taxId") nested like Formik's field names.
 */
export function serverFieldErrors<V>(error: unknown, messages: FieldRuleMessages = {}): FormikErrors<V> {
  let errors: FormikErrors<V> = {};
  for (const [field, problem] of Object.entries(localizeFieldErrors(fieldErrorsOf(error), messages))) {
    errors = setIn(errors, field, problem) as FormikErrors<V>;
  }
  return errors;
}

/**
 * Runs a form's server call: BAD_USER_INPUT problems go next to their fields (server field names
 * are the input's, which the forms share), anything else to `onOtherError` (a toast). Returns
 * whether it succeeded.
 */
export async function submitToServer<V>(
  helpers: Pick<FormikHelpers<V>, "setErrors">,
  action: () => Promise<void>,
  onOtherError: (error: unknown) => void,
  messages: FieldRuleMessages = {},
): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    const fields = serverFieldErrors<V>(error, messages);
    if (Object.keys(fields).length > 0) {
      helpers.setErrors(fields);
    } else {
      onOtherError(error);
    }
    return false;
  }
}
