import { fireEvent, screen, within } from "@testing-library/react";

import { AccountEmailsDocument, SendEmailDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { panelAccountId } from "../panelFixtures";
import { EmailTab } from "./EmailTab";

const account = { __typename: "Prospect", id: panelAccountId };
const failedEmail = {
  __typename: "SentEmail",
  id: "U2VudEVtYWlsOjE=",
  to: "lucia@bajio.mx",
  subject: "Propuesta",
  body: "Hola Lucía",
  status: "FAILED",
  error: "SMTP refused the message",
  createdAt: "2025-02-01T10:00:00.000Z",
  sentAt: null,
  sentBy: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
};

function emailsResult(sentEmails: readonly object[]) {
  return { data: { account: { __typename: "Prospect", id: panelAccountId, email: "lucia@bajio.mx", contacts: [], sentEmails } } };
}

describe("EmailTab", () => {
  it("should report a failed send and show the server's FAILED row in the history", async () => {
    renderWithProviders(<EmailTab account={account} />, {
      mocks: [
        { request: { query: AccountEmailsDocument, variables: { id: panelAccountId } }, result: emailsResult([]) },
        {
          request: { query: SendEmailDocument, variables: { input: { accountId: panelAccountId, to: "lucia@bajio.mx", subject: "Propuesta", body: "Hola Lucía" } } },
          result: { errors: [{ message: "SMTP failed", extensions: { code: "INTEGRATION_FAILED", sentEmailId: failedEmail.id } }] },
        },
        { request: { query: AccountEmailsDocument, variables: { id: panelAccountId } }, result: emailsResult([failedEmail]) },
      ],
    });
    const form = await screen.findByRole("form", { name: "New email" });
    fireEvent.change(within(form).getByLabelText("Subject"), { target: { value: "Propuesta" } });
    fireEvent.change(within(form).getByLabelText("Message"), { target: { value: "Hola Lucía" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send email" }));

    expect(await screen.findByText("SMTP refused the message")).toBeTruthy();
    expect(screen.getByText("Failed")).toBeTruthy();
    // The draft stays for another try.
    expect((within(form).getByLabelText("Subject") as HTMLInputElement).value).toBe("Propuesta");
  });

  it("should say when the subject is longer than the server accepts", async () => {
    renderWithProviders(<EmailTab account={account} />, {
      mocks: [{ request: { query: AccountEmailsDocument, variables: { id: panelAccountId } }, result: emailsResult([]) }],
    });
    const form = await screen.findByRole("form", { name: "New email" });
    fireEvent.change(within(form).getByLabelText("Subject"), { target: { value: "x".repeat(256) } });
    fireEvent.change(within(form).getByLabelText("Message"), { target: { value: "Hola" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send email" }));
    expect(await screen.findByText("At most 255 characters.")).toBeTruthy();
  });
});
