import { useMutation, useQuery } from "@apollo/client/react";
import { Form, Formik } from "formik";
import { useMemo } from "react";
import * as yup from "yup";

import { AccountEmailsDocument, SendEmailDocument } from "../../../__generated__/graphql";
import { SelectField, TextAreaField, TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { errorCodeOf } from "../../../lib/errors";
import { useI18n, useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { prospectMessages } from "../../add-prospect/messages";
import { addToAccountList } from "../childCache";
import { submitToServer } from "../formErrors";
import type { AccountKey } from "../notes/useAddNote";
import { emailMessages } from "./messages";

/** Compose an email to the account or one of its contacts, and the list of emails sent. */
export function EmailTab({ account }: { account: AccountKey }) {
  const t = useT(emailMessages);
  const { rules } = useT(prospectMessages);
  const common = useT(commonMessages);
  const { format } = useI18n();
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { data, loading, error, refetch } = useQuery(AccountEmailsDocument, { variables: { id: account.id } });
  const [send] = useMutation(SendEmailDocument);
  const schema = useMemo(
    // The server's SendEmailInput limits: subject 1–255, body 1–50000 characters.
    () =>
      yup.object({
        to: yup.string().required(t.required),
        subject: yup.string().trim().required(t.required).max(255, rules.tooLong(255)),
        body: yup.string().trim().required(t.required).max(50_000, rules.tooLong(50_000)),
      }),
    [t, rules],
  );
  const current = data?.account;
  const addresses = current
    ? [
        ...(current.email ? [{ value: current.email, label: current.email }] : []),
        ...current.contacts.filter((c) => c.email).map((c) => ({ value: c.email ?? "", label: `${c.name} <${c.email}>` })),
      ]
    : [];

  return (
    <section aria-label={t.history}>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading && !current ? <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} /> : null}
      {current && addresses.length === 0 ? <p className="empty-state">{t.noAddress}</p> : null}
      {current && addresses.length > 0 ? (
        <Formik
          initialValues={{ to: addresses[0]?.value ?? "", subject: "", body: "" }}
          validationSchema={schema}
          onSubmit={async (values, helpers) => {
            const ok = await submitToServer(
              helpers,
              async () => {
                const result = await send({
                  variables: { input: { accountId: account.id, ...values } },
                  update(cache, { data: sent }) {
                    if (sent?.sendEmail) {
                      addToAccountList(cache, account, "sentEmails", { __typename: "SentEmail", id: sent.sendEmail.id }, "first");
                    }
                  },
                });
                toast.success(result.data?.sendEmail.status === "DEV_OUTBOX" ? t.queued : t.sent);
              },
              (reason) => {
                toast.error(toMessage(reason));
                // The server keeps a failed send as a FAILED row: show it in the history.
                if (errorCodeOf(reason) === "INTEGRATION_FAILED") {
                  void refetch();
                }
              },
              rules,
            );
            if (ok) {
              helpers.resetForm();
            }
          }}
        >
          {({ isSubmitting }) => (
            <Form aria-label={t.compose} noValidate className="card-form">
              <SelectField name="to" label={t.to} options={addresses} />
              <TextField name="subject" label={t.subject} />
              <TextAreaField name="body" label={t.body} rows={5} />
              <button type="submit" disabled={isSubmitting}>
                {isSubmitting ? t.sending : t.send}
              </button>
            </Form>
          )}
        </Formik>
      ) : null}
      <h3>{t.history}</h3>
      {current && current.sentEmails.length === 0 ? <p className="empty-state">{t.empty}</p> : null}
      <ul className="card-list">
        {current?.sentEmails.map((email) => (
          <li key={email.id}>
            <strong>{email.subject}</strong> → {email.to} · <span>{t.statuses[email.status]}</span>
            <div className="timeline__meta">{t.by(email.sentBy.name, format.dateTime(email.sentAt ?? email.createdAt))}</div>
            {email.error ? <p className="form-error">{email.error}</p> : null}
            <p className="timeline__comment">{email.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
