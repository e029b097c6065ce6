import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fireEvent, screen, waitFor } from "@testing-library/react";

import { renderWithProviders } from "../../test/renderWithProviders";
import { testCatalogs } from "../account-panel/panelFixtures";
import { AddProspectForm, type CreateProspectInputValues } from "./AddProspectForm";

type Create = jest.Mock<Promise<{ id: string; name: string }>, [CreateProspectInputValues]>;

function duplicateError() {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [
      {
        message: "duplicate",
        extensions: {
          code: "CONFLICT",
          duplicates: [{ matchedOn: ["email"], existingAccountId: "UHJvc3BlY3Q6Nw==", name: "Rosa Díaz", companyName: "Paquetería Díaz" }],
        },
      },
    ],
  });
}

function renderForm(create: Create, options: { canCreatePartners?: boolean; onOpenExisting?: jest.Mock; onCreated?: jest.Mock } = {}) {
  renderWithProviders(
    <AddProspectForm
      catalogs={testCatalogs}
      canCreatePartners={options.canCreatePartners ?? false}
      create={create}
      onCreated={options.onCreated ?? jest.fn()}
      onOpenExisting={options.onOpenExisting ?? jest.fn()}
    />,
  );
}

function fillValid() {
  fireEvent.change(screen.getByLabelText("Contact name"), { target: { value: "Rosa Díaz" } });
  fireEvent.change(screen.getByLabelText("Company"), { target: { value: "Paquetería Díaz" } });
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: "rosa@diaz.mx" } });
}

describe("AddProspectForm", () => {
  it("should require a name, a company and an email or phone before creating anything", async () => {
    const create: Create = jest.fn();
    renderForm(create);
    fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));
    expect(await screen.findAllByText("Required.")).toHaveLength(2);
    expect(screen.getByText("Give an email or a phone number.")).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it("should check the phone's digits against the chosen country's code", async () => {
    renderForm(jest.fn());
    fillValid();
    expect((screen.getByLabelText("Phone code") as HTMLInputElement).value).toBe("52");
    fireEvent.change(screen.getByLabelText("Phone"), { target: { value: "123" } });
    fireEvent.change(screen.getByLabelText("Phone code"), { target: { value: "99" } });
    fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));
    expect(await screen.findByText("Not a phone code of a country we sell in.")).toBeTruthy();
  });

  it("should offer the partner kind only to users with crm-partners", () => {
    renderForm(jest.fn());
    expect(screen.queryByLabelText("Kind")).toBeNull();
  });

  it("should show the partner kind with crm-partners", () => {
    renderForm(jest.fn(), { canCreatePartners: true });
    expect(screen.getByLabelText("Kind")).toBeTruthy();
  });

  it("should show the duplicate with a link to it and create it anyway when asked", async () => {
    const create: Create = jest.fn((input: CreateProspectInputValues) =>
      input.allowDuplicate ? Promise.resolve({ id: "UHJvc3BlY3Q6OA==", name: "Rosa Díaz" }) : Promise.reject(duplicateError()),
    );
    const onCreated = jest.fn();
    const onOpenExisting = jest.fn();
    renderForm(create, { onCreated, onOpenExisting });
    fillValid();
    fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));

    expect(await screen.findByText("This looks like an account that already exists.")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "Open Rosa Díaz · Paquetería Díaz" }));
    expect(onOpenExisting).toHaveBeenCalledWith("UHJvc3BlY3Q6Nw==");

    fireEvent.click(screen.getByRole("button", { name: "Add anyway" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith({ id: "UHJvc3BlY3Q6OA==", name: "Rosa Díaz" }));
    expect(create.mock.calls.map(([input]) => input.allowDuplicate)).toEqual([false, true]);
    expect(create.mock.calls[1]?.[0]).toMatchObject({ name: "Rosa Díaz", email: "rosa@diaz.mx", localeId: 1, followUpStatusId: 1 });
  });
});
