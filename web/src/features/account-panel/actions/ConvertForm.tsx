import { Field, Form, Formik } from "formik";
import { useMemo } from "react";
import * as yup from "yup";

import { TextField } from "../../../components/form/FormField";
import { useT } from "../../../lib/i18n";
import { serverFieldErrors } from "../formErrors";
import { CompanyCombobox } from "./CompanyCombobox";
import { actionsMessages } from "./messages";
import type { CompanyOption } from "./useCompanySearch";

/** What convertToClient links the account to: an existing company, or a new one it creates. */
export type ConvertChoice = { readonly companyId: string } | { readonly company: { readonly name: string; readonly taxId: string | null } };

interface ConvertValues {
  mode: "existing" | "new";
  existing: CompanyOption | null;
  company: { name: string; taxId: string };
}

/** The server's RFC rule (account-pipeline.service.ts): 3-4 letters, a yymmdd date, 3 characters. */
const rfcPattern = /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/i;
const maxName = 191;

interface ConvertFormProps {
  readonly defaultName: string;
  readonly cancelLabel: string;
  readonly onSubmit: (choice: ConvertChoice) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly onCancel: () => void;
}

/** Which company the prospect becomes a client of: one found on the platform, or a new one. */
export function ConvertForm({ defaultName, cancelLabel, onSubmit, onError, onCancel }: ConvertFormProps) {
  const t = useT(actionsMessages);
  const schema = useMemo(
    () =>
      yup.object({
        mode: yup.string().oneOf(["existing", "new"]),
        existing: yup
          .mixed<CompanyOption>()
          .nullable()
          .when("mode", { is: "existing", then: (rule) => rule.required(t.chooseCompany) }),
        company: yup.object().when("mode", {
          is: "new",
          then: () =>
            yup.object({
              name: yup.string().trim().required(t.required).max(maxName, t.tooLong(maxName)),
              taxId: yup
                .string()
                .trim()
                .test("rfc", t.invalidTaxId, (value) => !value || rfcPattern.test(value)),
            }),
        }),
      }),
    [t],
  );
  const initialValues: ConvertValues = { mode: "existing", existing: null, company: { name: defaultName, taxId: "" } };

  return (
    <Formik
      initialValues={initialValues}
      validationSchema={schema}
      onSubmit={async (values, helpers) => {
        const choice: ConvertChoice =
          values.mode === "existing"
            ? { companyId: values.existing!.id }
            : { company: { name: values.company.name.trim(), taxId: values.company.taxId.trim().toUpperCase() || null } };
        try {
          await onSubmit(choice);
        } catch (error) {
          const { companyId, ...fields } = serverFieldErrors<ConvertValues & { companyId?: string }>(error, {
            required: t.required,
            tooLong: t.tooLong,
            taxId: t.invalidTaxId,
          });
          const errors = companyId ? { ...fields, existing: companyId } : fields;
          if (Object.keys(errors).length > 0) {
            helpers.setErrors(errors);
          } else {
            onError(error);
          }
        }
      }}
    >
      {({ isSubmitting, values, errors, touched, setFieldValue }) => (
        <Form aria-label={t.convertTitle} noValidate className="card-form">
          <fieldset className="radio-group">
            <legend>{t.companyChoice}</legend>
            <label>
              <Field type="radio" name="mode" value="existing" /> {t.existingCompany}
            </label>
            <label>
              <Field type="radio" name="mode" value="new" /> {t.newCompany}
            </label>
          </fieldset>
          {values.mode === "existing" ? (
            <CompanyCombobox
              label={t.company}
              initialText={defaultName}
              selected={values.existing}
              onSelect={(company) => void setFieldValue("existing", company)}
              error={touched.existing ? (errors.existing as string | undefined) : undefined}
            />
          ) : (
            <>
              <TextField name="company.name" label={t.companyName} autoFocus />
              <TextField name="company.taxId" label={t.taxId} autoCapitalize="characters" />
            </>
          )}
          <div className="form-actions">
            <button type="submit" disabled={isSubmitting}>
              {t.convertSubmit}
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
