import { useMemo } from "react";

import type { ContactCard_ContactFragment } from "../../../__generated__/graphql";
import { TextField } from "../../../components/form/FormField";
import { useT } from "../../../lib/i18n";
import { prospectMessages } from "../../add-prospect/messages";
import type { PhoneLocale } from "../../add-prospect/prospectRules";
import { CardForm } from "../CardForm";
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
  const schema = useMemo(() => contactSchema(locales, p.rules), [locales, p.rules]);
  return (
    <CardForm
      label={contact ? t.edit(contact.name) : t.add}
      initialValues={contactValuesOf(contact, defaultPhoneCode)}
      schema={schema}
      ruleMessages={p.rules}
      onSubmit={onSubmit}
      savedText={contact ? t.updated : t.added}
      onDone={onDone}
    >
      <TextField name="name" label={p.fields.name} autoFocus />
      <TextField name="jobTitle" label={t.jobTitle} />
      <TextField name="email" label={p.fields.email} type="email" />
      <div className="form-row">
        <TextField name="phoneCode" label={p.fields.phoneCode} inputMode="numeric" className="input--short" />
        <TextField name="phone" label={p.fields.phone} type="tel" />
      </div>
    </CardForm>
  );
}
