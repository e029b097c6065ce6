import type { EventInput } from "@fullcalendar/core";

import type { CalendarEvent_ActivityFragment, NoteAction } from "../../__generated__/graphql";

export type CalendarActivity = CalendarEvent_ActivityFragment;

/** What the legend and an event are coloured by: a note's action, a note without one, or a reminder. */
export type ActivityCategory = NoteAction | "NOTE" | "REMINDER";

/** Legend order: the note actions, a plain note, then reminders. */
export const activityCategories: readonly ActivityCategory[] = ["CALL", "WHATSAPP", "EMAIL", "MEETING", "SMS", "OTHER", "NOTE", "REMINDER"];

/**
 * One colour per category (white text reads on each). Reminders also get a dashed border and
 * completed items are muted by CSS (`calendar-event--completed`), so colour is never the only cue.
 */
export const categoryColors: Readonly<Record<ActivityCategory, string>> = {
  CALL: "#1d4ed8",
  WHATSAPP: "#15803d",
  EMAIL: "#7e22ce",
  MEETING: "#b45309",
  SMS: "#0e7490",
  OTHER: "#475569",
  NOTE: "#334155",
  REMINDER: "#be123c",
};

export function categoryOf(activity: Pick<CalendarActivity, "kind" | "action">): ActivityCategory {
  if (activity.kind === "REMINDER") {
    return "REMINDER";
  }
  return activity.action ?? "NOTE";
}

/**
 * Whether the viewer may move it: the note's or reminder's own canEdit (author, assignee or
 * manager), on an account that is not removed (a removed account takes no writes).
 */
export function canReschedule(activity: CalendarActivity): boolean {
  if (activity.account.status === "REMOVED") {
    return false;
  }
  return activity.kind === "REMINDER" ? activity.reminder?.canEdit === true : activity.note?.canEdit === true;
}

/**
 * When the activity is, as the cache knows it now: the note's scheduledDate or the reminder's
 * dueAt (so a date changed in the side panel moves the event), else the date the calendar query
 * read; null when the note's schedule was cleared since (it is no longer a calendar item).
 */
export function activityDate(activity: CalendarActivity): string | null {
  if (activity.kind === "REMINDER") {
    return activity.reminder?.dueAt ?? activity.date;
  }
  return activity.note ? activity.note.scheduledDate : activity.date;
}

/** Reminders ticked done (here or in the side panel); notes are never completed. */
export function isCompleted(activity: CalendarActivity): boolean {
  return activity.reminder ? activity.reminder.completedAt !== null : activity.completed;
}

/** What FullCalendar keeps on each event so clicks and drops find the activity again. */
export interface CalendarEventProps {
  readonly activity: CalendarActivity;
}

/**
 * A FullCalendar event for an activity: timed (no end: FullCalendar gives it the default
 * duration), titled "account · text", coloured by category, draggable only when the viewer may
 * edit it; null when it is no longer scheduled.
 */
export function toCalendarEvent(activity: CalendarActivity): EventInput | null {
  const start = activityDate(activity);
  if (start === null) {
    return null;
  }
  const category = categoryOf(activity);
  const color = categoryColors[category];
  // calendar-event--reminder (dashed) for reminders, calendar-event--call, … for notes.
  const classNames = ["calendar-event", `calendar-event--${category.toLowerCase()}`];
  if (isCompleted(activity)) {
    classNames.push("calendar-event--completed");
  }
  const editable = canReschedule(activity);
  const props: CalendarEventProps = { activity };
  return {
    id: activity.id,
    title: `${activity.account.name} · ${activity.title}`,
    start,
    allDay: false,
    backgroundColor: color,
    borderColor: color,
    textColor: "#ffffff",
    classNames,
    startEditable: editable,
    durationEditable: false,
    extendedProps: props,
  };
}

/** The events of the activities that are still scheduled. */
export function toCalendarEvents(activities: readonly CalendarActivity[]): EventInput[] {
  return activities.map(toCalendarEvent).filter((event): event is EventInput => event !== null);
}
