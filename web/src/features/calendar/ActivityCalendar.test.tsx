import { ApolloLink } from "@apollo/client";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { useLocation } from "react-router";
import { of } from "rxjs";

import type { AccountFilter, CalendarActivitiesQueryVariables } from "../../__generated__/graphql";
import type { Locale } from "../../lib/i18n";
import { renderWithProviders } from "../../test/renderWithProviders";
import { buildScheduledCall } from "./calendarFixtures";
import { CalendarView } from "./CalendarView";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

const callDate = new Date(2026, 10, 18, 10, 0).toISOString();

const scheduledCall = buildScheduledCall(callDate);

/** Answers every CalendarActivities request with the call when its range holds it, and records the variables. */
function recordingLink() {
  const requests: CalendarActivitiesQueryVariables[] = [];
  const link = new ApolloLink((operation) => {
    const variables = operation.variables as CalendarActivitiesQueryVariables;
    requests.push(variables);
    const inRange = variables.from <= callDate && callDate < variables.to;
    return of({ data: { activities: inRange ? [scheduledCall] : [] } });
  });
  return { link, requests };
}

function renderCalendar(options: { route: string; locale?: Locale; filter?: AccountFilter; onOpenAccount?: (id: string) => void }) {
  const { link, requests } = recordingLink();
  const result = renderWithProviders(
    <>
      <CalendarView
        filter={options.filter}
        sort={null}
        onSortChange={() => undefined}
        openAccountId={null}
        onOpenAccount={options.onOpenAccount ?? (() => undefined)}
      />
      <LocationProbe />
    </>,
    { link, route: options.route, locale: options.locale ?? "en" },
  );
  return { ...result, requests };
}

const local = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

// FullCalendar is a large lazy chunk: load it once up front, so no test waits on the first import.
beforeAll(async () => {
  await import("./ActivityCalendar");
});

describe("ActivityCalendar", () => {
  it("should ask for exactly the visible month with the filter bar's filter, then exactly the next one", async () => {
    const filter: AccountFilter = { types: ["CLIENT"] };
    const { requests } = renderCalendar({ route: "/?view=calendar&cal=month&date=2026-11-15", filter });
    await screen.findByText("Ana Ruiz · Cotizar LTL");
    // November 2026 in English weeks (Sunday first): six weeks from Sun Nov 1 to Sat Dec 12.
    expect(requests).toEqual([{ from: local(2026, 11, 1), to: local(2026, 12, 13), filter }]);

    fireEvent.click(screen.getByRole("button", { name: "Next Month" }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).toEqual({ from: local(2026, 11, 29), to: local(2027, 1, 10), filter });
    await waitFor(() => expect(screen.queryByText("Ana Ruiz · Cotizar LTL")).toBeNull());
    // The URL keeps the shown month, so a reload opens it again.
    expect(screen.getByTestId("location").textContent).toBe("?view=calendar&cal=month&date=2026-12-01");
  });

  it("should start weeks on Monday and speak Spanish in es-MX", async () => {
    const { requests } = renderCalendar({ route: "/?view=calendar&cal=week&date=2026-11-18", locale: "es-MX" });
    await screen.findByRole("button", { name: "Mes" });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({ from: local(2026, 11, 16), to: local(2026, 11, 23), filter: undefined });
  });

  it("should start weeks on Sunday in English and write a change of layout to the URL", async () => {
    const { requests } = renderCalendar({ route: "/?view=calendar&cal=week&date=2026-11-18" });
    await screen.findByText("Ana Ruiz · Cotizar LTL");
    expect(requests).toEqual([{ from: local(2026, 11, 15), to: local(2026, 11, 22), filter: undefined }]);
    expect(screen.getByTestId("location").textContent).toBe("?view=calendar&cal=week&date=2026-11-15");

    fireEvent.click(screen.getByRole("button", { name: "Day" }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).toEqual({ from: local(2026, 11, 18), to: local(2026, 11, 19), filter: undefined });
    expect(screen.getByTestId("location").textContent).toBe("?view=calendar&cal=day&date=2026-11-18");
  });

  it("should open the event's account in the side panel when it is clicked or activated with Enter", async () => {
    const onOpenAccount = jest.fn();
    renderCalendar({ route: "/?view=calendar&cal=month&date=2026-11-18", onOpenAccount });
    const event = (await screen.findByText("Ana Ruiz · Cotizar LTL")).closest<HTMLElement>(".fc-event");
    if (!event) {
      throw new Error("the event has no element");
    }
    await act(async () => {
      fireEvent.click(event);
    });
    expect(onOpenAccount).toHaveBeenCalledWith("Prospect:7");

    // Keyboard users reach events with Tab (eventInteractive) and open them with Enter.
    expect(event.tabIndex).toBe(0);
    await act(async () => {
      fireEvent.keyDown(event, { key: "Enter" });
    });
    expect(onOpenAccount).toHaveBeenCalledTimes(2);
  });

  it("should show the legend of colours, reminders and completed items", async () => {
    renderCalendar({ route: "/?view=calendar" });
    const legend = await screen.findByRole("list", { name: "Legend" });
    expect(legend.textContent).toBe("CallWhatsAppEmailMeetingSMSOtherNoteReminderCompleted");
  });
});

describe("ActivityCalendar beside the side panel", () => {
  function PanelHarness() {
    const [openAccountId, setOpenAccountId] = useState<string | null>(null);
    return (
      <>
        <CalendarView filter={undefined} sort={null} onSortChange={() => undefined} openAccountId={openAccountId} onOpenAccount={setOpenAccountId} />
        <button type="button" onClick={() => setOpenAccountId(null)}>
          Close panel
        </button>
      </>
    );
  }

  it("should ask for the same range with the new filter when the filter bar changes, and nothing else", async () => {
    function FilterHarness() {
      const [filter, setFilter] = useState<AccountFilter | undefined>(undefined);
      return (
        <>
          <CalendarView filter={filter} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={() => undefined} />
          <button type="button" onClick={() => setFilter({ types: ["CLIENT"] })}>
            Clients only
          </button>
        </>
      );
    }
    const { link, requests } = recordingLink();
    renderWithProviders(<FilterHarness />, { link, route: "/?view=calendar&cal=week&date=2026-11-18" });
    await screen.findByText("Ana Ruiz · Cotizar LTL");

    fireEvent.click(screen.getByRole("button", { name: "Clients only" }));
    await waitFor(() => expect(requests).toHaveLength(2));
    const week = { from: local(2026, 11, 15), to: local(2026, 11, 22) };
    expect(requests).toEqual([
      { ...week, filter: undefined },
      { ...week, filter: { types: ["CLIENT"] } },
    ]);
  });

  it("should read the visible range again when the side panel closes (notes may have been added there)", async () => {
    const { link, requests } = recordingLink();
    renderWithProviders(<PanelHarness />, { link, route: "/?view=calendar&cal=list&date=2026-11-18" });
    await act(async () => {
      fireEvent.click(await screen.findByText("Ana Ruiz · Cotizar LTL"));
    });
    expect(requests).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Close panel" }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).toEqual(requests[0]);
  });
});

describe("ActivityCalendar when the range cannot be read", () => {
  it("should say why through the app's error mapping and read the range again on Try again", async () => {
    const requests: unknown[] = [];
    const link = new ApolloLink((operation) => {
      requests.push(operation.variables);
      return requests.length === 1
        ? of({ errors: [{ message: "the range may span at most 93 days", extensions: { code: "BAD_USER_INPUT" } }] })
        : of({ data: { activities: [scheduledCall] } });
    });
    renderWithProviders(<CalendarView filter={undefined} sort={null} onSortChange={() => undefined} openAccountId={null} onOpenAccount={() => undefined} />, {
      link,
      route: "/?view=calendar&cal=list&date=2026-11-18",
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Some fields need your attention.");

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByText("Ana Ruiz · Cotizar LTL");
    expect(requests).toHaveLength(2);
    expect(requests[1]).toEqual(requests[0]);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
