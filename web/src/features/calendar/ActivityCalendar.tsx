import type { DatesSetArg, EventClickArg, EventDropArg, LocaleInput } from "@fullcalendar/core";
import esLocale from "@fullcalendar/core/locales/es";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";

import { LoadError } from "../../components/LoadError";
import { useI18n, useT, type Locale } from "../../lib/i18n";
import type { CrmViewProps } from "../crm/views";
import "./calendar.css";
import { toCalendarEvents, type CalendarEventProps } from "./calendarEvents";
import {
  fullCalendarViews,
  modeOfFullCalendarView,
  readCalendarUrlState,
  toLocalDay,
  updateCalendarParams,
  type CalendarMode,
  type CalendarUrlState,
} from "./calendarUrlState";
import { CalendarLegend } from "./CalendarLegend";
import { calendarMessages } from "./messages";
import { useCalendarActivities, type VisibleRange } from "./useCalendarActivities";
import { useRescheduleActivity } from "./useRescheduleActivity";

const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

/** es-MX: Spanish texts, Mexican date formats and weeks from Monday; English weeks start on Sunday. */
const fullCalendarLocales: Readonly<Record<Locale, { readonly locale: LocaleInput | string; readonly firstDay: number }>> = {
  "es-MX": { locale: { ...esLocale, code: "es-MX" }, firstDay: 1 },
  en: { locale: "en", firstDay: 0 },
};

/** The hour grids scroll inside a fixed height (opening at 8:00); month and list grow with the page. */
const timeGridModes: ReadonlySet<CalendarMode> = new Set(["week", "day"]);

// "Agenda", not "List": the CRM's own view switcher beside it already has a "List" button.
const englishButtons = { today: "Today", month: "Month", week: "Week", day: "Day", list: "Agenda" };

const toolbar = {
  left: "prev,next today",
  center: "title",
  right: `${fullCalendarViews.month},${fullCalendarViews.week},${fullCalendarViews.day},${fullCalendarViews.list}`,
};

/**
 * The CRM page's calendar (loaded on demand: FullCalendar is heavy). Shows the scheduled notes and
 * reminders of the visible range only, with the filter bar's filter; the layout and day live in the
 * URL (`?cal=&date=`). Clicking an event opens its account in the side panel; dragging one the
 * viewer may edit reschedules it (optimistic, with undo).
 */
export function ActivityCalendar({ filter, openAccountId, onOpenAccount }: CrmViewProps) {
  const t = useT(calendarMessages);
  const { locale } = useI18n();
  const [params, setParams] = useSearchParams();
  // Read once: afterwards FullCalendar owns the date and reports it through datesSet.
  const [initial] = useState(() => readCalendarUrlState(params));
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [shown, setShown] = useState<CalendarUrlState | null>(null);
  const { activities, loading, error, truncated, retry } = useCalendarActivities(range, filter);
  const { reschedule } = useRescheduleActivity();
  const events = useMemo(() => toCalendarEvents(activities), [activities]);

  // Dates changed in the side panel move their events through the cache, but notes and reminders
  // added there are new items: read the range again when the panel closes.
  const panelWasOpen = useRef(openAccountId !== null);
  useEffect(() => {
    if (panelWasOpen.current && openAccountId === null) {
      retry();
    }
    panelWasOpen.current = openAccountId !== null;
  }, [openAccountId, retry]);

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      const from = arg.start.toISOString();
      const to = arg.end.toISOString();
      setRange((current) => (current?.from === from && current.to === to ? current : { from, to }));
      const mode = modeOfFullCalendarView(arg.view.type) ?? "month";
      const date = toLocalDay(arg.view.currentStart);
      setShown((current) => (current?.mode === mode && current.date === date ? current : { mode, date }));
    },
    [],
  );

  // Written from an effect: FullCalendar reports its first range while mounting, before the
  // router accepts navigations. `replace`: paging through months must not flood the history.
  // Only when the URL differs: setParams changes with every URL change (another view's or the
  // panel's), and a write from a stale render would undo that change.
  const urlState = readCalendarUrlState(params);
  const urlOutdated = shown !== null && (urlState.mode !== shown.mode || urlState.date !== shown.date);
  useEffect(() => {
    if (shown && urlOutdated) {
      setParams((current) => updateCalendarParams(current, shown), { replace: true });
    }
  }, [setParams, shown, urlOutdated]);

  const onEventClick = useCallback(
    (arg: EventClickArg) => {
      arg.jsEvent.preventDefault();
      const { activity } = arg.event.extendedProps as CalendarEventProps;
      onOpenAccount(activity.account.id);
    },
    [onOpenAccount],
  );

  const onEventDrop = useCallback(
    (arg: EventDropArg) => {
      const { activity } = arg.event.extendedProps as CalendarEventProps;
      if (!arg.event.start) {
        arg.revert();
        return;
      }
      void reschedule(activity, arg.event.start, { onRollback: arg.revert });
    },
    [reschedule],
  );

  const localeOptions = fullCalendarLocales[locale];
  const mode = shown?.mode ?? initial.mode;

  // A switch from month or list to an hour grid gives it its fixed height after it was first drawn
  // at full height, which skips the opening scroll to 8:00: scroll there once it has the height.
  const calendarRef = useRef<FullCalendar>(null);
  useEffect(() => {
    if (timeGridModes.has(mode)) {
      calendarRef.current?.getApi().scrollToTime("08:00:00");
    }
  }, [mode]);
  return (
    <section className="calendar-view" aria-label={t.label} aria-busy={loading}>
      <div className="calendar-view__toolbar">
        <CalendarLegend />
        {loading ? <span role="status">{t.loadingRange}</span> : null}
      </div>
      {error ? <LoadError error={error} onRetry={retry} /> : null}
      {truncated ? <p className="calendar-view__notice">{t.truncated}</p> : null}
      <FullCalendar
        ref={calendarRef}
        plugins={plugins}
        initialView={fullCalendarViews[initial.mode]}
        initialDate={initial.date ?? undefined}
        headerToolbar={toolbar}
        locale={localeOptions.locale}
        firstDay={localeOptions.firstDay}
        buttonText={locale === "en" ? englishButtons : undefined}
        events={events}
        datesSet={onDatesSet}
        eventClick={onEventClick}
        eventDrop={onEventDrop}
        eventInteractive
        editable={false}
        allDaySlot={false}
        nowIndicator
        scrollTime="08:00:00"
        height={timeGridModes.has(mode) ? 720 : "auto"}
        // Month cells: coloured blocks (not dots), at most four per day with a "+n more" popover, and
        // a late call that runs past midnight stays a one-day event.
        eventDisplay="block"
        dayMaxEvents={4}
        nextDayThreshold="09:00:00"
      />
    </section>
  );
}
