/** The calendar's layouts, as written in the URL (`?cal=`), and FullCalendar's view for each. */
export const calendarModes = ["month", "week", "day", "list"] as const;

export type CalendarMode = (typeof calendarModes)[number];

export const fullCalendarViews: Readonly<Record<CalendarMode, string>> = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  day: "timeGridDay",
  list: "listWeek",
};

export function modeOfFullCalendarView(viewType: string): CalendarMode | null {
  const entry = Object.entries(fullCalendarViews).find(([, type]) => type === viewType);
  return entry ? (entry[0] as CalendarMode) : null;
}

/**
 * The calendar's part of the CRM page's URL (beside `?view=calendar` and the filters, which
 * crmUrlState owns): the layout and the day it shows, so a reload or a shared link opens the same
 * range. Missing or hand-broken values fall back to the month of today.
 */
export interface CalendarUrlState {
  readonly mode: CalendarMode;
  /** A day of the shown range, YYYY-MM-DD; null: today. */
  readonly date: string | null;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(value: string): boolean {
  const match = isoDay.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

export function readCalendarUrlState(params: URLSearchParams): CalendarUrlState {
  const rawMode = params.get("cal");
  const mode = calendarModes.find((candidate) => candidate === rawMode) ?? "month";
  const rawDate = params.get("date");
  return { mode, date: rawDate && isRealDay(rawDate) ? rawDate : null };
}

/** A copy of `params` with the calendar's state written; every other parameter is kept. */
export function updateCalendarParams(params: URLSearchParams, state: CalendarUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set("cal", state.mode);
  if (state.date) {
    next.set("date", state.date);
  } else {
    next.delete("date");
  }
  return next;
}

/** The local calendar day of a date as YYYY-MM-DD (what the URL keeps). */
export function toLocalDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a YYYY-MM-DD day. */
export function fromLocalDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}
