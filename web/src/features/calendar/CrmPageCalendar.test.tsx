import { ApolloLink, type FetchResult } from "@apollo/client";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";
import { NEVER, Observable, of } from "rxjs";

import { buildViewer, catalogsData } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { CrmPage } from "../crm/CrmPage";
import { buildScheduledCall } from "./calendarFixtures";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{decodeURIComponent(location.search)}</output>;
}

const callDate = new Date(2026, 10, 18, 10, 0).toISOString();

const activities = [buildScheduledCall(callDate)];

/** The page's own queries by name; the side panel's account query never answers (not under test here). */
function pageLink(sent: string[]) {
  return new ApolloLink((operation): Observable<FetchResult> => {
    sent.push(operation.operationName ?? "");
    switch (operation.operationName) {
      case "Me":
        return of({ data: { me: buildViewer() } });
      case "Catalogs":
        return of({ data: catalogsData });
      case "CalendarActivities":
        return of({ data: { activities } });
      default:
        return NEVER;
    }
  });
}

// FullCalendar is a large lazy chunk: load it once up front, so no test waits on the first import.
beforeAll(async () => {
  await import("./ActivityCalendar");
});

describe("CrmPage with ?view=calendar", () => {
  it("should mount only the calendar, and open the side panel on the clicked event's account", async () => {
    const sent: string[] = [];
    renderWithProviders(
      <>
        <CrmPage />
        <LocationProbe />
      </>,
      { link: pageLink(sent), route: "/?view=calendar&cal=list&date=2026-11-18&type=CLIENT" },
    );
    const calendar = await screen.findByRole("region", { name: "Activity calendar" });
    expect(screen.getByRole("button", { name: "Calendar", pressed: true })).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Accounts" })).toBeNull();
    expect(sent).not.toContain("Accounts");

    await act(async () => {
      fireEvent.click(await within(calendar).findByText("Ana Ruiz · Cotizar LTL"));
    });
    await waitFor(() => expect(screen.getByTestId("location").textContent).toContain("account=Prospect:7"));
    expect(screen.getByTestId("location").textContent).toContain("view=calendar");
    expect(screen.getByTestId("location").textContent).toContain("type=CLIENT");
  });
});
