import { Form, Formik, type FormikValues } from "formik";
import type { ReactNode } from "react";
import type { AnyObjectSchema } from "yup";

import { useToast } from "../../components/Toast";
import { useT } from "../../lib/i18n";
import type { FieldRuleMessages } from "../../lib/localizeFieldErrors";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { submitToServer } from "./formErrors";

interface CardFormProps<V extends FormikValues> {
  /** The form's accessible name ("Add contact", "Edit location"). */
  readonly label: string;
  readonly initialValues: V;
  readonly schema: AnyObjectSchema;
  /** The server's rule messages in the form's words (server field problems land on their fields). */
  readonly ruleMessages: FieldRuleMessages;
  readonly onSubmit: (values: V) => Promise<void>;
  /** The toast after a successful save. */
  readonly savedText: string;
  /** Called after a save and on Cancel. */
  readonly onDone: () => void;
  readonly children: ReactNode;
}

/**
 * The add/edit form of one child record in a panel tab: Formik + yup, the server's field errors on
 * their fields (anything else as a toast), Save and Cancel.
 */
export function CardForm<V extends FormikValues>({ label, initialValues, schema, ruleMessages, onSubmit, savedText, onDone, children }: CardFormProps<V>) {
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  return (
    <Formik<V>
      initialValues={initialValues}
      validationSchema={schema}
      onSubmit={async (values, helpers) => {
        const ok = await submitToServer(helpers, () => onSubmit(values), (error) => toast.error(toMessage(error)), ruleMessages);
        if (ok) {
          toast.success(savedText);
          onDone();
        }
      }}
    >
      {({ isSubmitting }) => (
        <Form aria-label={label} noValidate className="card-form">
          {children}
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting}>
              {isSubmitting ? common.saving : common.save}
            </button>
            <button type="button" onClick={onDone}>
              {common.cancel}
            </button>
          </div>
        </Form>
      )}
    </Formik>
  );
}
