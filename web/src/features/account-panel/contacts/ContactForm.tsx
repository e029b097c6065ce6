import { Form, Formik } from "formik";
import { useMemo } from "react";

import type { ContactCard_ContactFragment } from "../../../__generated__/graphql";
import { TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { prospectMessages } from "../../add-prospect/messages";
import type { PhoneLocale } from "../../add-prospect/prospectRules";
import { submitToServer } from "../formErrors";
import { contactSchema, contactValuesOf, type ContactValues } from "./contactSchema";
import { contactsMessages } from "./messages";

interface ContactFormProps {
  readonly contact: ContactCard_ContactFragment | null;
  readonly defaultPhoneCode: string;
  readonly locales: readonly PhoneLocale[];
  readonly onSubmit: (values: ContactValues) => Promise<void>;
  readonly onDone: () => void;
}

/** Adds or edits one contact. */
export function ContactForm({ contact, defaultPhoneCode, locales, onSubmit, onDone }: ContactFormProps) {
  const t = useT(contactsMessages);
  const p = useT(prospectMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const schema = useMemo(() => contactSchema(locales, p.rules), [locales, p.rules]);
  return (
    <Formik
      initialValues={contactValuesOf(contact, defaultPhoneCode)}
      validationSchema={schema}
      onSubmit={async (values, helpers) => {
        const ok = await submitToServer(helpers, () => onSubmit(values), (error) => toast.error(toMessage(error)), p.rules);
        if (ok) {
          toast.success(contact ? t.updated : t.added);
          onDone();
        }
      }}
    >
      {({ isSubmitting }) => (
        <Form aria-label={contact ? t.edit(contact.name) : t.add} noValidate className="card-form">
          <TextField name="name" label={p.fields.name} autoFocus />
          <TextField name="jobTitle" label={t.jobTitle} />
          <TextField name="email" label={p.fields.email} type="email" />
          <div className="form-row">
            <TextField name="phoneCode" label={p.fields.phoneCode} inputMode="numeric" className="input--short" />
            <TextField name="phone" label={p.fields.phone} type="tel" />
          </div>
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
