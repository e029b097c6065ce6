import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";

import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildPanelAccount, testCatalogs } from "../panelFixtures";
import { DetailsForm } from "./DetailsForm";
import type { DetailsValues } from "./detailsSchema";

function serverError(code: string, fields?: Record<string, string>) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: "server says no", extensions: { code, fields } }] });
}

function renderForm(save: (values: DetailsValues, allowDuplicate: boolean) => Promise<void>, reload: jest.Mock = jest.fn((_values: DetailsValues) => Promise.resolve()), locale: "en" | "es-MX" = "en") {
  return renderWithProviders(<DetailsForm account={buildPanelAccount()} catalogs={testCatalogs} save={save} reload={reload} />, { locale });
}

function change(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("DetailsForm", () => {
  it("should show the field rules' messages and not save when the input is invalid", async () => {
    const save = jest.fn((_values: DetailsValues) => Promise.resolve());
    renderForm(save);

    change("Contact name", " ");
    change("Email", "not-an-email");
    change("Phone", "55 1234");
    change("Monthly shipments", "2.5");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Required.")).toBeTruthy();
    expect(screen.getByText("Enter a valid email address.")).toBeTruthy();
    expect(screen.getByText("Numbers for +52 have 10 digits.")).toBeTruthy();
    expect(screen.getByText("Enter a whole number.")).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(save).not.toHaveBeenCalled();
  });

  it("should show the messages in Spanish when the locale is es-MX", async () => {
    renderForm(jest.fn((_values: DetailsValues) => Promise.resolve()), jest.fn(), "es-MX");
    change("Correo electrónico", "x@");
    fireEvent.click(screen.getByRole("button", { name: "Guardar" }));
    expect(await screen.findByText("Escribe un correo válido.")).toBeTruthy();
  });

  it("should save the edited values and keep the version it read", async () => {
    const save = jest.fn((_values: DetailsValues) => Promise.resolve());
    renderForm(save);

    change("Company", "Envíos del Norte");
    change("Account value (MXN)", "125000");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0]).toMatchObject({ companyName: "Envíos del Norte", accountValue: "125000", phone: "5512345678" });
    expect(await screen.findByText("Details saved.")).toBeTruthy();
  });

  it("should keep what the user typed and the version it read when a colleague's change arrives live, and show the change once clean", async () => {
    const save = jest.fn((_values: DetailsValues, _allowDuplicate: boolean, _read: unknown) => Promise.resolve());
    const reload = jest.fn(() => Promise.resolve());
    // The account as the cache holds it; each click is a colleague's save arriving live (version up, another email).
    function Live() {
      const [account, setAccount] = useState(buildPanelAccount());
      const next = () => setAccount((current) => buildPanelAccount({ version: current.version + 1, email: `v${current.version + 1}@bajio.mx` }));
      return (
        <>
          <button type="button" onClick={next}>
            colleague saves
          </button>
          <DetailsForm account={account} catalogs={testCatalogs} save={save} reload={reload} />
        </>
      );
    }
    renderWithProviders(<Live />);
    const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

    change("Company", "Envíos del Norte");
    fireEvent.click(screen.getByRole("button", { name: "colleague saves" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" }).hasAttribute("disabled")).toBe(false));
    expect([valueOf("Company"), valueOf("Email")]).toEqual(["Envíos del Norte", "lucia@bajio.mx"]);

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    // Version 3, the one the edit started from: a colleague's newer save makes the server answer CONFLICT, not lose it.
    expect(save.mock.calls[0]?.[2]).toMatchObject({ version: 3 });

    // Saved, so clean again: the next live change shows as it is.
    fireEvent.click(screen.getByRole("button", { name: "colleague saves" }));
    await waitFor(() => expect(valueOf("Email")).toBe("v5@bajio.mx"));
  });

  it("should put the server's BAD_USER_INPUT message on the field it names", async () => {
    const save = jest.fn((_values: DetailsValues) => Promise.reject(serverError("BAD_USER_INPUT", { "followUpData.channel": "\"tv\" is not a channel", email: "already used" })));
    renderForm(save);

    change("Company", "Otra");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("\"tv\" is not a channel")).toBeTruthy();
    expect(screen.getByLabelText("Channel").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("already used")).toBeTruthy();
  });

  it("should name the account that already has the changed email and save anyway when asked", async () => {
    const duplicate = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: "duplicate",
          extensions: {
            code: "CONFLICT",
            existingAccountId: "QWNjb3VudDo5",
            existingAccountName: "Pedro Ruiz",
            duplicates: [{ matchedOn: ["email"], existingAccountId: "QWNjb3VudDo5", name: "Pedro Ruiz", companyName: "Bajío SA" }],
          },
        },
      ],
    });
    const save = jest.fn((_values: DetailsValues, allowDuplicate: boolean) => (allowDuplicate ? Promise.resolve() : Promise.reject(duplicate)));
    renderForm(save);

    change("Email", "pedro@bajio.mx");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("This looks like an account that already exists.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open Pedro Ruiz · Bajío SA" })).toBeTruthy();
    expect(screen.queryByText(/someone else/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save anyway" }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls.map((call) => call[1])).toEqual([false, true]);
    expect(await screen.findByText("Details saved.")).toBeTruthy();
  });

  it("should say the account was changed by someone else and reload it when the server answers CONFLICT", async () => {
    const reload = jest.fn(() => Promise.resolve());
    renderForm(jest.fn((_values: DetailsValues) => Promise.reject(serverError("CONFLICT"))), reload);

    change("Company", "Otra");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    const alert = await screen.findByText(/Changed by someone else — reload/);
    expect(alert).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText(/Changed by someone else/)).toBeNull());
  });
});
