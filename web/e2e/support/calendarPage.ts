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

  /** Drags the event onto a day cell with real mouse moves (FullCalendar needs several to start a drag). */
  async dragEvent(text: string, toDay: string): Promise<void> {
    const from = await this.event(text).boundingBox();
    const to = await this.day(toDay).boundingBox();
    if (!from || !to) {
      throw new Error(`cannot drag "${text}" to ${toDay}: not on screen`);
    }
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 5 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await this.page.mouse.up();
  }
}
