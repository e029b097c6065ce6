import * as yup from "yup";

import type { NoteAction } from "../../../__generated__/graphql";
import type { notesMessages } from "./messages";

export interface NoteFormValues {
  comment: string;
  action: NoteAction | "";
  /** `datetime-local` value (local time, no zone), or "". */
  scheduledDate: string;
}

export const emptyNote: NoteFormValues = { comment: "", action: "", scheduledDate: "" };

export const noteActions: readonly NoteAction[] = ["CALL", "WHATSAPP", "EMAIL", "MEETING", "SMS", "OTHER"];

/** The server's note rules (1 to 5000 characters; a real date when scheduled). */
export function noteSchema(m: (typeof notesMessages)["en"]["form"]) {
  return yup.object({
    comment: yup.string().trim().required(m.required).max(5000, m.tooLong),
    action: yup.string(),
    scheduledDate: yup.string().test("date", m.invalidDate, (value) => !value || !Number.isNaN(new Date(value).getTime())),
  });
}

/** The addNote input for the form's values; the local date-time becomes an ISO instant. */
export function toNoteInput(values: NoteFormValues) {
  return {
    comment: values.comment.trim(),
    action: values.action === "" ? null : values.action,
    scheduledDate: values.scheduledDate === "" ? null : new Date(values.scheduledDate).toISOString(),
  };
}
