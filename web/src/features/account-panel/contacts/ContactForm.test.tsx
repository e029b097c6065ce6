import { fireEvent, screen, waitFor } from "@testing-library/react";

import { renderWithProviders } from "../../../test/renderWithProviders";
import { testCatalogs } from "../panelFixtures";
import { ContactForm } from "./ContactForm";
import type { ContactValues } from "./contactSchema";

describe("ContactForm", () => {
  it("should require a name and check the phone's digits for its country code", async () => {
    const onSubmit = jest.fn((_values: ContactValues) => Promise.resolve());
    renderWithProviders(<ContactForm contact={null} defaultPhoneCode="52" locales={testCatalogs.locales} onSubmit={onSubmit} onDone={jest.fn()} />);
    fireEvent.change(screen.getByLabelText("Phone"), { target: { value: "55-12" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Required.")).toBeTruthy();
    expect(screen.getByText("Numbers for +52 have 10 digits.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("should send a valid contact with the phone as digits", async () => {
    const onSubmit = jest.fn((_values: ContactValues) => Promise.resolve());
    const onDone = jest.fn();
    renderWithProviders(<ContactForm contact={null} defaultPhoneCode="52" locales={testCatalogs.locales} onSubmit={onSubmit} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText("Contact name"), { target: { value: "Pedro Ruiz" } });
    fireEvent.change(screen.getByLabelText("Phone"), { target: { value: "(55) 1234-5678" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ name: "Pedro Ruiz", phoneCode: "52", phone: "(55) 1234-5678" });
    expect(await screen.findByText("Contact added.")).toBeTruthy();
  });
});
