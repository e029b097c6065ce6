import type { FormikHelpers } from "formik";

import { fieldErrorsOf } from "../../lib/errors";

/**
 * Runs a form's server call: BAD_USER_INPUT problems go next to their fields (server field names
 * are the input's, which the forms share), anything else to `onOtherError` (a toast). Returns
 * whether it succeeded.
 */
export async function submitToServer<V>(
  helpers: Pick<FormikHelpers<V>, "setErrors">,
  action: () => Promise<void>,
  onOtherError: (error: unknown) => void,
): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    const fields = fieldErrorsOf(error);
    if (Object.keys(fields).length > 0) {
      helpers.setErrors(fields as Parameters<FormikHelpers<V>["setErrors"]>[0]);
    } else {
      onOtherError(error);
    }
    return false;
  }
}
