import { allAccounts, E2eApi, type AccountSummary } from "./support/api";
import { CalendarPage } from "./support/calendarPage";
import { CrmPage } from "./support/crmPage";
import { asUser, demoUsers, disconnectBrowser } from "./support/session";

/**
 * Far from the demo data's dates, so the day cells hold only this test's note (a busy day would
 * fold it into "+n more"). Midday UTC stays on the same calendar day in the browser's time zone.
 */
const day = {
  created: "2031-03-12",
  moved: "2031-03-14",
  dragAgain: "2031-03-19",
  removed: "2031-03-20",
  colleagues: "2031-03-21",
  nowhere: "2031-03-26",
  spanish: "2031-03-27",
  weekFrom: "2031-03-04",
  weekTo: "2031-03-06",
} as const;
const at = (date: string) => `${date}T16:00:00.000Z`;

interface Activities {
  readonly activities: ReadonlyArray<{ readonly id: string; readonly date: string }>;
}

describe("the calendar in the browser", () => {
  let sdr: E2eApi;
  let account: AccountSummary;
  let noteId: string;
  const comment = `Visita a bodega ${Date.now()}`;

  /** An activity's date as the server has it (read through the calendar's own query, over the whole month). */
  const activityDate = async (id: string) => {
    const { activities } = await sdr.gql<Activities>(
      `query E2eActivities($from: DateTimeISO!, $to: DateTimeISO!) { activities(from: $from, to: $to) { id date } }`,
      { from: "2031-03-01T00:00:00.000Z", to: "2031-04-01T00:00:00.000Z" },
    );
    return activities.find((item) => item.id === id)?.date;
  };
  const scheduledDate = () => activityDate(noteId);

  beforeAll(async () => {
    sdr = await E2eApi.as("sdr");
    // The SDR's own account: notes they write on it are theirs to move (canEdit).
    const first = (await allAccounts(sdr)).find((item) => item.createdBy.email === demoUsers.sdr || item.salesman?.email === demoUsers.sdr);
    if (!first) {
      throw new Error("the demo SDR has no accounts");
    }
    account = first;
    const created = await sdr.gql<{ addNote: { id: string } }>(
      `mutation E2eScheduleNote($input: AddNoteInput!) { addNote(input: $input) { id } }`,
      { input: { accountId: account.id, comment, action: "MEETING", scheduledDate: at(day.created) } },
    );
    noteId = created.addNote.id;
  });

  /** A note scheduled on `date` on the SDR's account, written by `api`'s user. */
  const scheduleNote = async (api: E2eApi, text: string, date: string) =>
    (
      await api.gql<{ addNote: { id: string } }>(`mutation E2eScheduleNote($input: AddNoteInput!) { addNote(input: $input) { id } }`, {
        input: { accountId: account.id, comment: text, action: "CALL", scheduledDate: at(date) },
      })
    ).addNote.id;

  afterAll(disconnectBrowser);

  it("should show a scheduled note on its day and open its account in the side panel on click", async () => {
    await asUser("sdr", async (page) => {
      const calendar = new CalendarPage(page);
      await calendar.openMonth(day.created);
      await calendar.event(comment, calendar.day(day.created)).waitFor();

      await calendar.event(comment).click();
      await new CrmPage(page).panel(account.name).waitFor();
      expect(new URL(page.url()).searchParams.get("account")).toBe(account.id);
      expect(new URL(page.url()).searchParams.get("view")).toBe("calendar");
    });
  });

  it("should reschedule the note by dragging it to another day, keep it after a reload, and undo a second move", async () => {
    await asUser("sdr", async (page) => {
      const calendar = new CalendarPage(page);
      await calendar.openMonth(day.created);
      await calendar.event(comment, calendar.day(day.created)).waitFor();

      await calendar.dragEvent(comment, day.moved);
      await page.getByText(/^Moved to /).waitFor();
      expect(await scheduledDate()).toBe(at(day.moved));

      await page.reload();
      await calendar.event(comment, calendar.day(day.moved)).waitFor();
      expect(await calendar.event(comment, calendar.day(day.created)).count()).toBe(0);

      await calendar.dragEvent(comment, day.dragAgain);
      await page.getByText(/^Moved to /).waitFor();
      expect(await scheduledDate()).toBe(at(day.dragAgain));
      await page.getByRole("button", { name: "Undo" }).click();
      await page.getByText(/^Moved back to /).waitFor();
      await calendar.event(comment, calendar.day(day.moved)).waitFor();
      expect(await scheduledDate()).toBe(at(day.moved));

      await page.reload();
      await calendar.event(comment, calendar.day(day.moved)).waitFor();
    });
  });

  it("should reschedule to another day and hour by dragging in the week view", async () => {
    const text = `Reunión semanal ${Date.now()}`;
    const id = await scheduleNote(sdr, text, day.weekFrom);
    await asUser("sdr", async (page) => {
      const calendar = new CalendarPage(page);
      await calendar.openWeek(day.weekFrom);
      await calendar.event(text, calendar.calendar().locator(`td.fc-timegrid-col[data-date="${day.weekFrom}"]`)).waitFor();

      await calendar.dragEventToTime(text, day.weekTo, "10:00:00");
      await page.getByText(/^Moved to /).waitFor();
      // 10:00 on that day in the browser's time zone, whatever the machine's zone is.
      const expected = await page.evaluate(() => new Date(2031, 2, 6, 10, 0).toISOString());
      expect(await activityDate(id)).toBe(expected);
      await page.reload();
      await calendar.event(text, calendar.calendar().locator(`td.fc-timegrid-col[data-date="${day.weekTo}"]`)).waitFor();
    });
  });

  it("should put the event back with the reason when the server refuses the move (the note was deleted meanwhile)", async () => {
    const text = `Nota que se borra ${Date.now()}`;
    const id = await scheduleNote(sdr, text, day.removed);
    await asUser("sdr", async (page) => {
      const calendar = new CalendarPage(page);
      await calendar.openMonth(day.removed);
      await calendar.event(text, calendar.day(day.removed)).waitFor();
      await sdr.gql(`mutation E2eRemoveNote($input: RemoveNoteInput!) { removeNote(input: $input) { id } }`, { input: { id } });

      await calendar.dragEvent(text, day.nowhere);
      const alert = page.getByRole("alert").filter({ hasText: "Not moved." });
      await alert.getByText("It no longer exists or is not in your accounts", { exact: false }).waitFor();
      // Reverted, then gone with the range's refresh; never on the day it was dropped on.
      await calendar.event(text).waitFor({ state: "detached" });
      expect(await calendar.event(text, calendar.day(day.nowhere)).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Undo" }).count()).toBe(0);
    });
  });

  it("should not let the SDR drag a note their manager wrote on their account, only their own", async () => {
    const text = `Nota del gerente ${Date.now()}`;
    await scheduleNote(await E2eApi.as("manager"), text, day.colleagues);
    const own = `Nota propia ${Date.now()}`;
    await scheduleNote(sdr, own, day.colleagues);
    await asUser("sdr", async (page) => {
      const calendar = new CalendarPage(page);
      await calendar.openMonth(day.colleagues);
      const managers = calendar.event(text, calendar.day(day.colleagues));
      await managers.waitFor();
      // FullCalendar marks the events it lets the user drag.
      expect(await managers.evaluate((element) => element.classList.contains("fc-event-draggable"))).toBe(false);
      expect(await calendar.event(own).evaluate((element) => element.classList.contains("fc-event-draggable"))).toBe(true);

      await calendar.dragEvent(text, day.nowhere);
      await managers.waitFor();
      expect(await calendar.event(text, calendar.day(day.nowhere)).count()).toBe(0);
      expect(await page.getByText(/^Moved to /).count()).toBe(0);
    });
  });

  it("should speak Spanish with weeks from Monday when the browser prefers es-MX", async () => {
    const text = `Llamada en español ${Date.now()}`;
    await scheduleNote(sdr, text, day.spanish);
    await asUser(
      "sdr",
      async (page) => {
        await page.goto(`/?view=calendar&cal=month&date=${day.spanish}`);
        const calendar = page.getByRole("region", { name: "Calendario de actividades" });
        await calendar.locator(`td[data-date="${day.spanish}"] .fc-event`).filter({ hasText: text }).waitFor();
        expect((await calendar.locator(".fc-col-header-cell").allTextContents()).map((name) => name.trim())).toEqual([
          "lun",
          "mar",
          "mié",
          "jue",
          "vie",
          "sáb",
          "dom",
        ]);
        expect(await calendar.locator(".fc-toolbar-title").textContent()).toBe("marzo de 2031");
        await page.getByRole("list", { name: "Leyenda" }).getByText("Recordatorio").waitFor();
      },
      { locale: "es-MX" },
    );
  });
});
