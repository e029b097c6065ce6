import { Field, Form, Formik, type FormikHelpers } from "formik";

import { TextField } from "../../../components/form/FormField";
import { fieldErrorsOf } from "../../../lib/errors";
import { localizeFieldErrors } from "../../../lib/localizeFieldErrors";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import {
  apiTokenScopes,
  createApiTokenSchema,
  emptyCreateApiTokenValues,
  expiresAtFor,
  type CreateApiTokenValues,
} from "./createApiToken.schema";
import { tokenMessages } from "./messages";
import { useCreateApiToken } from "./useApiTokens";

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Name, scopes and optional expiry; on success hands the one-time secret to `onCreated`. */
export function CreateApiTokenForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const t = useT(tokenMessages);
  const toMessage = useErrorMessage();
  const { create, error } = useCreateApiToken();

  async function submit(values: CreateApiTokenValues, helpers: FormikHelpers<CreateApiTokenValues>) {
    try {
      const created = await create({ name: values.name.trim(), scopes: values.scopes, expiresAt: expiresAtFor(values.expiresOn) });
      if (created) {
        helpers.resetForm();
        onCreated(created.secret);
      }
    } catch (reason) {
      // Server rules (e.g. ADMIN scope without the admin permission) land on their fields.
      const fields = localizeFieldErrors(fieldErrorsOf(reason), {}, { name: { required: t.create.nameRequired, tooLong: t.create.nameTooLong } });
      helpers.setErrors({ name: fields.name, scopes: fields.scopes, expiresOn: fields.expiresAt });
    }
  }

  return (
    <Formik
      initialValues={emptyCreateApiTokenValues}
      validationSchema={createApiTokenSchema(t.create, localToday())}
      onSubmit={submit}
    >
      {({ isSubmitting, errors, touched }) => (
        <Form className="admin-form" aria-label={t.create.title} noValidate>
          <h2>{t.create.title}</h2>
          <TextField name="name" label={t.create.name} autoComplete="off" maxLength={120} />
          <fieldset className="admin-form__scopes" aria-invalid={touched.scopes && errors.scopes ? true : undefined}>
            <legend>{t.create.scopes}</legend>
            {apiTokenScopes.map((scope) => (
              <label key={scope}>
                <Field type="checkbox" name="scopes" value={scope} />
                {t.scopeNames[scope]}
              </label>
            ))}
            {touched.scopes && typeof errors.scopes === "string" ? (
              <small role="alert" className="form-field__error">
                {errors.scopes}
              </small>
            ) : null}
          </fieldset>
          <TextField name="expiresOn" label={t.create.expiresAt} type="date" min={localToday()} />
          {error && Object.keys(fieldErrorsOf(error)).length === 0 ? (
            <p role="alert" className="form-error">
              {toMessage(error)}
            </p>
          ) : null}
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {isSubmitting ? t.create.submitting : t.create.submit}
          </button>
        </Form>
      )}
    </Formik>
  );
}
