import { Form, Formik } from "formik";
import * as yup from "yup";

import { TextField } from "../../../components/form/FormField";
import { useT } from "../../../lib/i18n";
import { submitToServer } from "../formErrors";
import { actionsMessages } from "./messages";

interface ConvertFormProps {
  readonly defaultName: string;
  readonly cancelLabel: string;
  readonly onSubmit: (company: { name: string; taxId: string | null }) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly onCancel: () => void;
}

/** The company the prospect becomes a client of (a new one on the platform). */
export function ConvertForm({ defaultName, cancelLabel, onSubmit, onError, onCancel }: ConvertFormProps) {
  const t = useT(actionsMessages);
  return (
    <Formik
      initialValues={{ name: defaultName, taxId: "" }}
      validationSchema={yup.object({ name: yup.string().trim().required(t.required).max(191), taxId: yup.string().trim().max(13) })}
      onSubmit={async (values, helpers) => {
        await submitToServer(helpers, () => onSubmit({ name: values.name.trim(), taxId: values.taxId.trim() || null }), onError);
      }}
    >
      {({ isSubmitting }) => (
        <Form aria-label={t.convertTitle} noValidate className="card-form">
          <TextField name="name" label={t.companyName} autoFocus />
          <TextField name="taxId" label={t.taxId} />
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting}>
              {t.convert}
            </button>
            <button type="button" onClick={onCancel}>
              {cancelLabel}
            </button>
          </div>
        </Form>
      )}
    </Formik>
  );
}
