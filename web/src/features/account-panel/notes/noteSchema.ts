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

/** A stored instant as a `datetime-local` value in the browser's time zone ("" when none). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) {
    return "";
  }
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The form's values for an existing note. */
export function noteValuesOf(note: { comment: string; action?: NoteAction | null; scheduledDate?: string | null }): NoteFormValues {
  return { comment: note.comment, action: note.action ?? "", scheduledDate: toLocalInput(note.scheduledDate) };
}

/** updateNote's changes: only the fields the user changed (an untouched date keeps its seconds). */
export function noteChanges(before: NoteFormValues, after: NoteFormValues) {
  const input = toNoteInput(after);
  return {
    ...(after.comment.trim() !== before.comment.trim() ? { comment: input.comment } : {}),
    ...(after.action !== before.action ? { action: input.action } : {}),
    ...(after.scheduledDate !== before.scheduledDate ? { scheduledDate: input.scheduledDate } : {}),
  };
}

/** The notes forms' words for the server's rules (comment required / too long, a valid date). */
export function noteRuleMessages(m: (typeof notesMessages)["en"]["form"]) {
  return { required: m.required, tooLong: m.tooLong, date: m.invalidDate };
}
