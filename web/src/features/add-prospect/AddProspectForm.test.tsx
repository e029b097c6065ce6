import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fireEvent, screen, waitFor } from "@testing-library/react";

import type { ComponentProps } from "react";

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

interface FormOptions {
  canCreatePartners?: boolean;
  onOpenExisting?: jest.Mock;
  onCreated?: jest.Mock;
  executives?: ComponentProps<typeof AddProspectForm>["executives"];
  locale?: "en" | "es-MX";
}

function renderForm(create: Create, options: FormOptions = {}) {
  renderWithProviders(
    <AddProspectForm
      catalogs={testCatalogs}
      canCreatePartners={options.canCreatePartners ?? false}
      executives={options.executives ?? null}
      create={create}
      onCreated={options.onCreated ?? jest.fn()}
      onOpenExisting={options.onOpenExisting ?? jest.fn()}
    />,
    { locale: options.locale },
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

  it("should offer no executive choice without the picker and send no salesmanId", async () => {
    const create: Create = jest.fn((_input: CreateProspectInputValues) => Promise.resolve({ id: "UHJvc3BlY3Q6OA==", name: "Rosa Díaz" }));
    renderForm(create);
    expect(screen.queryByLabelText("Executive")).toBeNull();
    fillValid();
    fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).not.toHaveProperty("salesmanId");
  });

  it("should preselect the viewer as executive and send the executive chosen instead", async () => {
    const create: Create = jest.fn((_input: CreateProspectInputValues) => Promise.resolve({ id: "UHJvc3BlY3Q6OA==", name: "Rosa Díaz" }));
    const executives = {
      defaultId: "VXNlcjox",
      options: [
        { id: "VXNlcjox", name: "Ana López" },
        { id: "VXNlcjo5", name: "Bruno Soto" },
      ],
    };
    renderForm(create, { executives });
    const picker = screen.getByLabelText("Executive") as HTMLSelectElement;
    expect(picker.value).toBe("VXNlcjox");
    fillValid();
    fireEvent.change(picker, { target: { value: "VXNlcjo5" } });
    fireEvent.click(screen.getByRole("button", { name: "Add prospect" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).toMatchObject({ salesmanId: "VXNlcjo5", name: "Rosa Díaz" });
  });

  it("should show the server's field problems in the form's own Spanish words", async () => {
    const create: Create = jest.fn((_input: CreateProspectInputValues) =>
      Promise.reject(
        new CombinedGraphQLErrors({
          data: null,
          errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT", fields: { email: "must be a valid email address", channel: '"x" is not a channel' } } }],
        }),
      ),
    );
    renderForm(create, { locale: "es-MX" });
    fireEvent.change(screen.getByLabelText("Nombre del contacto"), { target: { value: "Rosa Díaz" } });
    fireEvent.change(screen.getByLabelText("Empresa"), { target: { value: "Paquetería Díaz" } });
    fireEvent.change(screen.getByLabelText("Correo electrónico"), { target: { value: "rosa@diaz.mx" } });
    fireEvent.click(screen.getByRole("button", { name: "Agregar prospecto" }));
    expect(await screen.findByText("Escribe un correo válido.")).toBeTruthy();
    expect(screen.queryByText("must be a valid email address")).toBeNull();
  });
});
