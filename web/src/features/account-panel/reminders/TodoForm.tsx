import { Form, Formik } from "formik";
import { useMemo } from "react";
import * as yup from "yup";

import { TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { submitToServer } from "../formErrors";
import { remindersMessages } from "./messages";

interface TodoValues {
  text: string;
  /** `datetime-local` value. */
  dueAt: string;
}

/** The tasks module's TodoForm: what to do and when (the reminder is the viewer's). */
export function TodoForm({ create }: { create: (input: { text: string; dueAt: string }) => Promise<void> }) {
  const t = useT(remindersMessages).form;
  const toast = useToast();
  const toMessage = useErrorMessage();
  const schema = useMemo(
    () =>
      yup.object({
        text: yup.string().trim().required(t.required).max(1000, t.tooLong),
        dueAt: yup
          .string()
          .required(t.required)
          .test("date", t.invalidDate, (value) => !value || !Number.isNaN(new Date(value).getTime())),
      }),
    [t],
  );
  return (
    <Formik<TodoValues>
      initialValues={{ text: "", dueAt: "" }}
      validationSchema={schema}
      onSubmit={async (values, helpers) => {
        const ok = await submitToServer(
          helpers,
          () => create({ text: values.text.trim(), dueAt: new Date(values.dueAt).toISOString() }),
          (error) => toast.error(toMessage(error)),
        );
        if (ok) {
          toast.success(t.added);
          helpers.resetForm();
        }
      }}
    >
      {({ isSubmitting }) => (
        <Form aria-label={t.title} noValidate className="card-form">
          <div className="form-row">
            <TextField name="text" label={t.text} />
            <TextField name="dueAt" label={t.dueAt} type="datetime-local" />
          </div>
          <button type="submit" disabled={isSubmitting}>
            {t.submit}
          </button>
        </Form>
      )}
    </Formik>
  );
}
