import { fireEvent, screen } from "@testing-library/react";

import { AccountRemindersDocument, CompleteReminderDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { panelAccountId } from "../panelFixtures";
import { RemindersTab } from "./RemindersTab";

const account = { __typename: "Prospect", id: panelAccountId };

function reminder(id: string, text: string, canEdit: boolean) {
  return {
    __typename: "Reminder",
    id,
    text,
    dueAt: "2030-01-10T16:00:00.000Z",
    completedAt: null,
    createdAt: "2025-01-01T10:00:00.000Z",
    canEdit,
    assignee: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
  };
}

const remindersMock = {
  request: { query: AccountRemindersDocument, variables: { id: panelAccountId } },
  result: {
    data: {
      account: { __typename: "Prospect", id: panelAccountId, reminders: [reminder("UmVtOjE=", "Llamar el lunes", true), reminder("UmVtOjI=", "Revisar contrato", false)] },
    },
  },
};

describe("RemindersTab", () => {
  it("should tick a reminder done when the server accepts it", async () => {
    renderWithProviders(<RemindersTab account={account} />, {
      mocks: [
        remindersMock,
        {
          request: { query: CompleteReminderDocument, variables: { input: { id: "UmVtOjE=", completed: true } } },
          result: { data: { completeReminder: { __typename: "Reminder", id: "UmVtOjE=", completedAt: "2025-02-01T10:00:00.000Z" } } },
        },
      ],
    });
    const box = (await screen.findByRole("checkbox", { name: 'Mark "Llamar el lunes" done' })) as HTMLInputElement;
    fireEvent.click(box);
    expect(await screen.findByText(/^Done /)).toBeTruthy();
    expect(box.checked).toBe(true);
  });

  it("should not let the viewer change a reminder they may not edit", async () => {
    renderWithProviders(<RemindersTab account={account} />, { mocks: [remindersMock] });
    const box = (await screen.findByRole("checkbox", { name: 'Mark "Revisar contrato" done' })) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.queryByRole("button", { name: 'Delete "Revisar contrato"' })).toBeNull();
    expect(screen.getByRole("button", { name: 'Delete "Llamar el lunes"' })).toBeTruthy();
  });

  it("should require the text and the due date of a new reminder", async () => {
    renderWithProviders(<RemindersTab account={account} />, { mocks: [remindersMock] });
    fireEvent.click(await screen.findByRole("button", { name: "Add reminder" }));
    expect(await screen.findAllByText("Required.")).toHaveLength(2);
  });
});
