import type { EventInput } from "@fullcalendar/core";

import {
  activityDate,
  canReschedule,
  categoryColors,
  categoryOf,
  toCalendarEvent,
  toCalendarEvents,
  type CalendarActivity,
} from "./calendarEvents";

const noteDate = "2026-11-18T16:00:00.000Z";

function buildNote(overrides: Partial<CalendarActivity> = {}, note: Partial<NonNullable<CalendarActivity["note"]>> = {}): CalendarActivity {
  return {
    id: "Tm90ZTox",
    kind: "NOTE",
    action: "CALL",
    date: noteDate,
    title: "Llamar para cotizar",
    completed: false,
    account: { id: "Prospect:7", name: "Ana Ruiz", companyName: "Fletes Ruiz", status: "IN_PROCESS" },
    note: { id: "Tm90ZTox", canEdit: true, scheduledDate: noteDate, ...note },
    reminder: null,
    ...overrides,
  };
}

function buildReminder(reminder: Partial<NonNullable<CalendarActivity["reminder"]>> = {}): CalendarActivity {
  return buildNote({
    id: "UmVtaW5kZXI6Mg==",
    kind: "REMINDER",
    action: null,
    title: "Enviar contrato",
    note: null,
    reminder: { id: "UmVtaW5kZXI6Mg==", canEdit: true, dueAt: noteDate, completedAt: null, ...reminder },
  });
}

function eventOf(activity: CalendarActivity): EventInput {
  const event = toCalendarEvent(activity);
  if (!event) {
    throw new Error("expected an event");
  }
  return event;
}

describe("toCalendarEvent", () => {
  it("should give a timed event titled with the account and coloured by the note's action", () => {
    const activity = buildNote({ action: "MEETING" });
    const event = eventOf(activity);
    expect(event).toMatchObject({
      id: "Tm90ZTox",
      title: "Ana Ruiz · Llamar para cotizar",
      start: noteDate,
      allDay: false,
      backgroundColor: categoryColors.MEETING,
      borderColor: categoryColors.MEETING,
      startEditable: true,
      durationEditable: false,
    });
    expect(event.classNames).toEqual(["calendar-event", "calendar-event--meeting"]);
    expect(event.extendedProps).toEqual({ activity });
  });

  it("should colour a note without an action as a plain note, and each category differently", () => {
    expect(eventOf(buildNote({ action: null })).backgroundColor).toBe(categoryColors.NOTE);
    expect(new Set(Object.values(categoryColors)).size).toBe(Object.keys(categoryColors).length);
  });

  it("should mark reminders apart and mute completed ones", () => {
    expect(eventOf(buildReminder()).classNames).toEqual(["calendar-event", "calendar-event--reminder"]);
    const done = eventOf(buildReminder({ completedAt: "2026-11-17T10:00:00.000Z" }));
    expect(done.backgroundColor).toBe(categoryColors.REMINDER);
    expect(done.classNames).toEqual(["calendar-event", "calendar-event--reminder", "calendar-event--completed"]);
  });

  it("should make an event draggable only when the viewer may edit its note or reminder", () => {
    expect(eventOf(buildNote({}, { canEdit: false })).startEditable).toBe(false);
    expect(eventOf(buildReminder({ canEdit: false })).startEditable).toBe(false);
    expect(eventOf(buildReminder()).startEditable).toBe(true);
    expect(canReschedule(buildNote({ note: null }))).toBe(false);
    const removedAccount = { id: "Prospect:7", name: "Ana Ruiz", companyName: "Fletes Ruiz", status: "REMOVED" as const };
    expect(eventOf(buildNote({ account: removedAccount })).startEditable).toBe(false);
  });

  it("should follow a date changed in the side panel and drop a note whose schedule was cleared", () => {
    const moved = "2026-11-25T15:30:00.000Z";
    expect(eventOf(buildNote({}, { scheduledDate: moved })).start).toBe(moved);
    expect(eventOf(buildReminder({ dueAt: moved })).start).toBe(moved);
    expect(activityDate(buildNote({ note: null }))).toBe(noteDate);

    const cleared = buildNote({ id: "Tm90ZToy" }, { id: "Tm90ZToy", scheduledDate: null });
    expect(toCalendarEvent(cleared)).toBeNull();
    expect(toCalendarEvents([cleared, buildNote(), buildReminder()]).map((event) => event.id)).toEqual(["Tm90ZTox", "UmVtaW5kZXI6Mg=="]);
  });
});

describe("categoryOf", () => {
  it("should read the category from the kind first, then the action", () => {
    expect(categoryOf({ kind: "REMINDER", action: "CALL" })).toBe("REMINDER");
    expect(categoryOf({ kind: "NOTE", action: "WHATSAPP" })).toBe("WHATSAPP");
    expect(categoryOf({ kind: "NOTE", action: null })).toBe("NOTE");
  });
});
