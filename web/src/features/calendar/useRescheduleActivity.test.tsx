import { useQuery } from "@apollo/client/react";
import { fireEvent, screen, waitFor } from "@testing-library/react";

import { CalendarActivitiesDocument } from "../../__generated__/graphql";
import { heldLink } from "../../test/heldLink";
import { renderWithProviders } from "../../test/renderWithProviders";
import { activityDate, type CalendarActivity } from "./calendarEvents";
import { buildScheduledCall } from "./calendarFixtures";
import { useRescheduleActivity } from "./useRescheduleActivity";

const range = { from: "2026-11-01T06:00:00.000Z", to: "2026-12-13T06:00:00.000Z" };
const before = "2026-11-18T16:00:00.000Z";
const after = "2026-11-20T16:00:00.000Z";

const note = buildScheduledCall(before);

const reminder = {
  ...note,
  id: "UmVtaW5kZXI6Mg==",
  kind: "REMINDER",
  action: null,
  note: null,
  reminder: { __typename: "Reminder", id: "UmVtaW5kZXI6Mg==", canEdit: true, dueAt: before, completedAt: null },
} as const;

/**
 * Answers the calendar's query at once (counting the requests) and holds every mutation until the
 * test answers it, so the optimistic state can be seen without timers.
 */
function calendarLink(activity: typeof note | typeof reminder) {
  const counts = { calendar: 0 };
  const held = heldLink((operation) => {
    if (operation.operationName === "CalendarActivities") {
      counts.calendar += 1;
      return { data: { activities: [activity] } };
    }
    return undefined;
  });
  return Object.assign(held, { counts });
}

const refusal = (code: string) => ({ errors: [{ message: code, extensions: { code } }] });

function Harness({ onRollback }: { onRollback: () => void }) {
  const { data } = useQuery(CalendarActivitiesDocument, { variables: range });
  const { reschedule } = useRescheduleActivity();
  const activity = data?.activities[0] as CalendarActivity | undefined;
  return (
    <>
      <output data-testid="date">{activity ? activityDate(activity) : ""}</output>
      <button type="button" disabled={!activity} onClick={() => activity && void reschedule(activity, new Date(after), { onRollback })}>
        Move
      </button>
    </>
  );
}

async function renderHarness(activity: typeof note | typeof reminder) {
  const held = calendarLink(activity);
  const onRollback = jest.fn();
  renderWithProviders(<Harness onRollback={onRollback} />, { link: held.link });
  await waitFor(() => expect(screen.getByTestId("date").textContent).toBe(before));
  return { ...held, onRollback };
}

const shownDate = () => screen.getByTestId("date").textContent;

describe("useRescheduleActivity", () => {
  it("should move a note at once, keep it when the server agrees and move it back on Undo", async () => {
    const { requests, answer, onRollback } = await renderHarness(note);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));

    // Optimistic: on screen while the server has not answered yet.
    await waitFor(() => expect(shownDate()).toBe(after));
    expect(requests.map(({ name, variables }) => [name, variables])).toEqual([
      ["RescheduleNote", { input: { id: "Tm90ZTox", scheduledDate: after } }],
    ]);
    answer(0, { data: { updateNote: { __typename: "Note", id: "Tm90ZTox", scheduledDate: after } } });
    const undo = await screen.findByRole("button", { name: "Undo" });
    expect(screen.getByText(/^Moved to /)).toBeTruthy();
    expect(shownDate()).toBe(after);

    fireEvent.click(undo);
    await waitFor(() => expect(shownDate()).toBe(before));
    expect(requests[1]?.variables).toEqual({ input: { id: "Tm90ZTox", scheduledDate: before } });
    answer(1, { data: { updateNote: { __typename: "Note", id: "Tm90ZTox", scheduledDate: before } } });
    await screen.findByText(/^Moved back to/);
    expect(shownDate()).toBe(before);
    expect(onRollback).not.toHaveBeenCalled();
  });

  it("should reschedule a reminder through its due date", async () => {
    const { requests, answer } = await renderHarness(reminder);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));

    // Optimistic: on screen while the server has not answered yet.
    await waitFor(() => expect(shownDate()).toBe(after));
    expect(requests.map(({ name, variables }) => [name, variables])).toEqual([
      ["RescheduleReminder", { input: { id: "UmVtaW5kZXI6Mg==", dueAt: after } }],
    ]);
    answer(0, { data: { updateReminder: { __typename: "Reminder", id: "UmVtaW5kZXI6Mg==", dueAt: after } } });
    await screen.findByRole("button", { name: "Undo" });
    expect(shownDate()).toBe(after);
  });

  it("should put the event back and say why when the server refuses with FORBIDDEN", async () => {
    const { answer, onRollback, counts } = await renderHarness(note);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));
    await waitFor(() => expect(shownDate()).toBe(after));

    answer(0, refusal("FORBIDDEN"));
    expect((await screen.findByRole("alert")).textContent).toContain("Not moved. You may not change this activity.");
    expect(shownDate()).toBe(before);
    expect(onRollback).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(counts.calendar).toBe(1);
  });

  it("should reload the visible range when the activity is gone (NOT_FOUND)", async () => {
    const { answer, onRollback, counts } = await renderHarness(note);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));

    answer(0, refusal("NOT_FOUND"));
    expect((await screen.findByRole("alert")).textContent).toContain("It no longer exists or is not in your accounts");
    expect(onRollback).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(counts.calendar).toBe(2));
  });

  it("should say the account was removed and reload the range when the server answers CONFLICT ACCOUNT_REMOVED", async () => {
    const { answer, onRollback, counts } = await renderHarness(note);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));

    answer(0, { errors: [{ message: "This account was removed; restore it first", extensions: { code: "CONFLICT", reason: "ACCOUNT_REMOVED" } }] });
    expect((await screen.findByRole("alert")).textContent).toContain("Its account was removed; restore the account to change its activities.");
    expect(shownDate()).toBe(before);
    expect(onRollback).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(counts.calendar).toBe(2));
  });

  it("should use the app's error mapping for other refusals and keep the new date when the undo is refused", async () => {
    const { answer, onRollback } = await renderHarness(note);
    fireEvent.click(screen.getByRole("button", { name: "Move" }));
    answer(0, { data: { updateNote: { __typename: "Note", id: "Tm90ZTox", scheduledDate: after } } });
    fireEvent.click(await screen.findByRole("button", { name: "Undo" }));

    answer(1, refusal("CONFLICT"));
    expect((await screen.findByRole("alert")).textContent).toContain("Not moved back. Someone else changed this record.");
    expect(shownDate()).toBe(after);
    expect(onRollback).not.toHaveBeenCalled();
  });
});
