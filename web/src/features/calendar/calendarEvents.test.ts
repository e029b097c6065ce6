import { canReschedule, categoryColors, categoryOf, toCalendarEvent, type CalendarActivity } from "./calendarEvents";

function buildActivity(overrides: Partial<CalendarActivity> = {}): CalendarActivity {
  return {
    __typename: "Activity",
    id: "Tm90ZTox",
    kind: "NOTE",
    action: "CALL",
    date: "2026-11-18T16:00:00.000Z",
    title: "Llamar para cotizar",
    completed: false,
    account: { __typename: "Prospect", id: "Prospect:7", name: "Ana Ruiz", companyName: "Fletes Ruiz" },
    note: { id: "Tm90ZTox", canEdit: true },
    reminder: null,
    ...overrides,
  } as CalendarActivity;
}

const reminder = (overrides: Partial<CalendarActivity> = {}) =>
  buildActivity({
    id: "UmVtaW5kZXI6Mg==",
    kind: "REMINDER",
    action: null,
    title: "Enviar contrato",
    note: null,
    reminder: { id: "UmVtaW5kZXI6Mg==", canEdit: true },
    ...overrides,
  });

describe("toCalendarEvent", () => {
  it("should give a timed event titled with the account and coloured by the note's action", () => {
    const event = toCalendarEvent(buildActivity({ action: "MEETING" }));
    expect(event).toMatchObject({
      id: "Tm90ZTox",
      title: "Ana Ruiz · Llamar para cotizar",
      start: "2026-11-18T16:00:00.000Z",
      allDay: false,
      backgroundColor: categoryColors.MEETING,
      borderColor: categoryColors.MEETING,
      startEditable: true,
      durationEditable: false,
    });
    expect(event.classNames).toEqual(["calendar-event", "calendar-event--meeting"]);
    expect(event.extendedProps).toEqual({ activity: buildActivity({ action: "MEETING" }) });
  });

  it("should colour a note without an action as a plain note and each action differently", () => {
    expect(toCalendarEvent(buildActivity({ action: null })).backgroundColor).toBe(categoryColors.NOTE);
    const colours = new Set(Object.values(categoryColors));
    expect(colours.size).toBe(Object.keys(categoryColors).length);
  });

  it("should mark reminders apart and mute completed ones", () => {
    const event = toCalendarEvent(reminder({ completed: true }));
    expect(event.backgroundColor).toBe(categoryColors.REMINDER);
    expect(event.classNames).toEqual(["calendar-event", "calendar-event--reminder", "calendar-event--completed"]);
  });

  it("should make an event draggable only when the viewer may edit its note or reminder", () => {
    expect(toCalendarEvent(buildActivity({ note: { id: "Tm90ZTox", canEdit: false } })).startEditable).toBe(false);
    expect(toCalendarEvent(reminder({ reminder: { id: "UmVtaW5kZXI6Mg==", canEdit: false } })).startEditable).toBe(false);
    expect(toCalendarEvent(reminder()).startEditable).toBe(true);
  });
});

describe("categoryOf / canReschedule", () => {
  it("should read the category from the kind first, then the action", () => {
    expect(categoryOf({ kind: "REMINDER", action: "CALL" })).toBe("REMINDER");
    expect(categoryOf({ kind: "NOTE", action: "WHATSAPP" })).toBe("WHATSAPP");
    expect(categoryOf({ kind: "NOTE", action: null })).toBe("NOTE");
  });

  it("should refuse a note whose note object is missing", () => {
    expect(canReschedule(buildActivity({ note: null }))).toBe(false);
  });
});
