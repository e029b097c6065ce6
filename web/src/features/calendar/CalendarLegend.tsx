import { useT } from "../../lib/i18n";
import { activityCategories, categoryColors } from "./calendarEvents";
import { calendarMessages } from "./messages";

/** What each event colour means; reminders are dashed and completed items muted, as on the calendar. */
export function CalendarLegend() {
  const t = useT(calendarMessages);
  return (
    <ul className="calendar-legend" aria-label={t.legend}>
      {activityCategories.map((category) => (
        <li key={category} className={`calendar-legend__item${category === "REMINDER" ? " calendar-legend__item--reminder" : ""}`}>
          <span className="calendar-legend__swatch" style={{ backgroundColor: categoryColors[category] }} aria-hidden="true" />
          {t.categories[category]}
        </li>
      ))}
      <li className="calendar-legend__item calendar-legend__item--completed">
        <span className="calendar-legend__swatch" style={{ backgroundColor: categoryColors.REMINDER }} aria-hidden="true" />
        {t.completed}
      </li>
    </ul>
  );
}
