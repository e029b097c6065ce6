import { Form, Formik, type FormikHelpers } from "formik";
import { useMemo } from "react";

import { SelectField, TextAreaField, TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { fieldErrorsOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { localizeFieldErrors } from "../../../lib/localizeFieldErrors";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { notesMessages } from "./messages";
import { emptyNote, noteActions, noteRuleMessages, noteSchema, toNoteInput, type NoteFormValues } from "./noteSchema";
import { useAddNote, type AccountKey } from "./useAddNote";

/** The new-note form: text, optional action and an optional scheduled follow-up. */
export function NoteForm({ account }: { account: AccountKey }) {
  const t = useT(notesMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { addNote } = useAddNote(account);
  const schema = useMemo(() => noteSchema(t.form), [t]);
  const actionOptions = noteActions.map((action) => ({ value: action, label: t.actions[action] }));

  async function submit(values: NoteFormValues, helpers: FormikHelpers<NoteFormValues>) {
    // The optimistic note is already on the timeline: clear the form so the next one can start.
    helpers.resetForm();
    try {
      await addNote(toNoteInput(values));
      toast.success(t.form.added);
    } catch (error) {
      helpers.setValues(values);
      helpers.setErrors(localizeFieldErrors(fieldErrorsOf(error), noteRuleMessages(t.form)));
      toast.error(toMessage(error));
    }
  }

  return (
    <Formik initialValues={emptyNote} validationSchema={schema} onSubmit={submit}>
      {({ isSubmitting }) => (
        <Form className="note-form" aria-label={t.form.title} noValidate>
          <TextAreaField name="comment" label={t.form.comment} rows={3} />
          <div className="form-row">
            <SelectField name="action" label={t.form.action} options={actionOptions} placeholder={t.form.noAction} />
            <TextField name="scheduledDate" label={t.form.scheduledDate} type="datetime-local" />
          </div>
          <button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t.form.submitting : t.form.submit}
          </button>
        </Form>
      )}
    </Formik>
  );
}
