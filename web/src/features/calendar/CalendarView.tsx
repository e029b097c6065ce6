import { lazy, Suspense } from "react";

import { useT } from "../../lib/i18n";
import type { CrmViewProps } from "../crm/views";
import { calendarMessages } from "./messages";

// FullCalendar and its plugins are a large chunk: only users who open the calendar download it.
const ActivityCalendar = lazy(() => import("./ActivityCalendar").then((module) => ({ default: module.ActivityCalendar })));

/** The CRM page's calendar view as registered in views.ts: a small shell around the lazy calendar. */
export function CalendarView(props: CrmViewProps) {
  const t = useT(calendarMessages);
  return (
    <Suspense fallback={<p role="status" className="calendar-view__loading">{t.loading}</p>}>
      <ActivityCalendar {...props} />
    </Suspense>
  );
}
