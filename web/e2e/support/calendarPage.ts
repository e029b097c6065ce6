import type { Locator, Page } from "playwright-core";

/**
 * The calendar view of the CRM page as the browser tests see it. FullCalendar's day cells carry
 * `data-date`, which is how a test names a day to look in or drop onto.
 */
export class CalendarPage {
  constructor(readonly page: Page) {}

  /** Opens the month of `day` (YYYY-MM-DD) and waits for the calendar and its first answer. */
  async openMonth(day: string): Promise<void> {
    await this.page.goto(`/?view=calendar&cal=month&date=${day}`);
    await this.calendar().waitFor();
    await this.day(day).waitFor();
  }

  /** Opens the week of `day` in the hour grid. */
  async openWeek(day: string): Promise<void> {
    await this.page.goto(`/?view=calendar&cal=week&date=${day}`);
    await this.calendar().waitFor();
    await this.calendar().locator(`td.fc-timegrid-col[data-date="${day}"]`).waitFor();
  }

  calendar(): Locator {
    return this.page.getByRole("region", { name: "Activity calendar" });
  }

  /** A day cell of the month grid. */
  day(day: string): Locator {
    return this.calendar().locator(`td.fc-daygrid-day[data-date="${day}"]`);
  }

  /** The event whose text contains `text`, anywhere on the calendar or within one day. */
  event(text: string, within: Locator = this.calendar()): Locator {
    return within.locator(".fc-event").filter({ hasText: text });
  }

  /** Drags the event onto a day cell of the month grid. */
  async dragEvent(text: string, toDay: string): Promise<void> {
    const to = await this.day(toDay).boundingBox();
    if (!to) {
      throw new Error(`cannot drag "${text}" to ${toDay}: the day is not on screen`);
    }
    await this.drag(text, { x: to.x + to.width / 2, y: to.y + to.height / 2 }, "middle");
  }

  /**
   * Drags the event in the hour grid so that it starts at `time` (HH:MM:SS) on `day`: it is
   * grabbed by its first slot, since FullCalendar moves it by the distance between the slot
   * grabbed and the slot dropped on.
   */
  async dragEventToTime(text: string, day: string, time: string): Promise<void> {
    const column = await this.calendar().locator(`td.fc-timegrid-col[data-date="${day}"]`).boundingBox();
    const slot = await this.calendar().locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
    if (!column || !slot) {
      throw new Error(`cannot drag "${text}" to ${day} ${time}: not on screen`);
    }
    await this.drag(text, { x: column.x + column.width / 2, y: slot.y + slot.height / 2 }, "top");
  }

  /** Real mouse moves: FullCalendar starts a drag only after the pointer has moved a few pixels. */
  private async drag(text: string, to: { x: number; y: number }, grab: "middle" | "top"): Promise<void> {
    const from = await this.event(text).boundingBox();
    if (!from) {
      throw new Error(`cannot drag "${text}": not on screen`);
    }
    const start = { x: from.x + from.width / 2, y: grab === "top" ? from.y + 4 : from.y + from.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 5, start.y + 5, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 15 });
    await this.page.mouse.up();
  }
}
