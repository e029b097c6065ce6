import { fromLocalDay, modeOfFullCalendarView, readCalendarUrlState, toLocalDay, updateCalendarParams } from "./calendarUrlState";

describe("readCalendarUrlState", () => {
  it("should read the layout and the day when the URL has them", () => {
    expect(readCalendarUrlState(new URLSearchParams("view=calendar&cal=week&date=2026-11-18"))).toEqual({ mode: "week", date: "2026-11-18" });
  });

  it("should fall back to the month of today when the values were edited by hand", () => {
    expect(readCalendarUrlState(new URLSearchParams("cal=year&date=2026-02-30"))).toEqual({ mode: "month", date: null });
    expect(readCalendarUrlState(new URLSearchParams("date=tomorrow"))).toEqual({ mode: "month", date: null });
  });
});

describe("updateCalendarParams", () => {
  it("should write the calendar's state and keep the CRM's other parameters", () => {
    const params = updateCalendarParams(new URLSearchParams("view=calendar&type=CLIENT&account=Prospect:1&date=2026-01-01"), {
      mode: "day",
      date: "2026-11-19",
    });
    expect(params.toString()).toBe("view=calendar&type=CLIENT&account=Prospect%3A1&date=2026-11-19&cal=day");
    expect(updateCalendarParams(params, { mode: "list", date: null }).has("date")).toBe(false);
  });
});

describe("days and views", () => {
  it("should round-trip a local day and map FullCalendar's view names back to modes", () => {
    expect(toLocalDay(fromLocalDay("2026-03-09"))).toBe("2026-03-09");
    expect(toLocalDay(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
    expect(modeOfFullCalendarView("timeGridWeek")).toBe("week");
    expect(modeOfFullCalendarView("listWeek")).toBe("list");
    expect(modeOfFullCalendarView("multiMonthYear")).toBeNull();
  });
});
