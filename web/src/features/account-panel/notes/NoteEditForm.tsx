import { Form, Formik, type FormikErrors, type FormikTouched } from "formik";
import { useMemo } from "react";

import { SelectField, TextAreaField, TextField } from "../../../components/form/FormField";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { notesMessages } from "./messages";
import { noteActions, noteSchema, type NoteFormValues } from "./noteSchema";

interface NoteEditFormProps {
  readonly initialValues: NoteFormValues;
  /** Problems the server found in the last attempt, shown on their fields at once. */
  readonly initialErrors?: FormikErrors<NoteFormValues>;
  readonly onSubmit: (values: NoteFormValues) => void;
  readonly onCancel: () => void;
}

/** Inline editor of a timeline note: text, action and scheduled follow-up (empty date = none). */
export function NoteEditForm({ initialValues, initialErrors = {}, onSubmit, onCancel }: NoteEditFormProps) {
  const t = useT(notesMessages);
  const common = useT(commonMessages);
  const schema = useMemo(() => noteSchema(t.form), [t]);
  const initialTouched = Object.fromEntries(Object.keys(initialErrors).map((field) => [field, true])) as FormikTouched<NoteFormValues>;
  const actionOptions = noteActions.map((action) => ({ value: action, label: t.actions[action] }));
  return (
    <Formik initialValues={initialValues} initialErrors={initialErrors} initialTouched={initialTouched} validationSchema={schema} onSubmit={onSubmit}>
      <Form className="note-edit" aria-label={t.editTitle} noValidate>
        <TextAreaField name="comment" label={t.form.comment} rows={3} autoFocus />
        <div className="form-row">
          <SelectField name="action" label={t.form.action} options={actionOptions} placeholder={t.form.noAction} />
          <TextField name="scheduledDate" label={t.form.scheduledDate} type="datetime-local" />
        </div>
        <div className="form-actions">
          <button type="submit">{common.save}</button>
          <button type="button" onClick={onCancel}>
            {common.cancel}
          </button>
        </div>
      </Form>
    </Formik>
  );
}
