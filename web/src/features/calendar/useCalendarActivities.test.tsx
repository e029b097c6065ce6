import { ApolloLink } from "@apollo/client";
import { screen, waitFor } from "@testing-library/react";
import { of } from "rxjs";

import { renderWithProviders } from "../../test/renderWithProviders";
import { activitiesLimit, useCalendarActivities, type VisibleRange } from "./useCalendarActivities";

/** Light items (one shared account, no note object): 2000 of them must stay quick to cache. */
function activity(index: number) {
  return {
    __typename: "Activity",
    id: `Tm90ZT${index}`,
    kind: "NOTE",
    action: null,
    date: new Date(Date.UTC(2026, 10, 2, 12, index % 60)).toISOString(),
    title: `Nota ${index}`,
    completed: false,
    account: { __typename: "Prospect", id: "Prospect:1", name: "Cuenta", companyName: "", status: "IN_PROCESS" },
    note: null,
    reminder: null,
  };
}

function Probe({ range }: { range: VisibleRange | null }) {
  const { activities, truncated } = useCalendarActivities(range, undefined);
  return <output data-testid="probe">{`${activities.length} ${truncated ? "truncated" : "complete"}`}</output>;
}

function renderProbe(range: VisibleRange | null, count: number) {
  const requests: unknown[] = [];
  const link = new ApolloLink((operation) => {
    requests.push(operation.variables);
    return of({ data: { activities: Array.from({ length: count }, (_, index) => activity(index)) } });
  });
  renderWithProviders(<Probe range={range} />, { link });
  return requests;
}

const range = { from: "2026-11-01T06:00:00.000Z", to: "2026-12-13T06:00:00.000Z" };

describe("useCalendarActivities", () => {
  it("should ask nothing before the calendar reports its range", () => {
    const requests = renderProbe(null, 3);
    expect(screen.getByTestId("probe").textContent).toBe("0 complete");
    expect(requests).toEqual([]);
  });

  // Generous ceilings: caching 2000 items is slow on a loaded CI machine (nothing here measures time).
  it("should say the answer may be cut when the server returned its maximum", async () => {
    renderProbe(range, activitiesLimit);
    await waitFor(() => expect(screen.getByTestId("probe").textContent).toBe(`${activitiesLimit} truncated`), { timeout: 20_000 });
  }, 30_000);

  it("should not when fewer came back", async () => {
    const requests = renderProbe(range, activitiesLimit - 1);
    await waitFor(() => expect(screen.getByTestId("probe").textContent).toBe(`${activitiesLimit - 1} complete`), { timeout: 20_000 });
    expect(requests).toEqual([{ ...range }]);
  }, 30_000);
});
