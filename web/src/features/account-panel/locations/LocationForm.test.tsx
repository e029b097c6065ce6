import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fireEvent, screen, waitFor } from "@testing-library/react";

import { renderWithProviders } from "../../../test/renderWithProviders";
import { LocationForm } from "./LocationForm";
import type { LocationValues } from "./locationSchema";

function renderForm(onSubmit: (values: LocationValues) => Promise<void>) {
  renderWithProviders(<LocationForm location={null} onSubmit={onSubmit} onDone={jest.fn()} />);
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("LocationForm", () => {
  it("should require the address and a 5-digit postal code in Mexico", async () => {
    const onSubmit = jest.fn((_values: LocationValues) => Promise.resolve());
    renderForm(onSubmit);
    fill("Postal code", "123");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findAllByText("Required.")).toHaveLength(3);
    expect(screen.getByText("Mexican postal codes have 5 digits.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("should accept another country's postal code and send the address", async () => {
    const onSubmit = jest.fn((_values: LocationValues) => Promise.resolve());
    renderForm(onSubmit);
    fill("Street", "Carrera 7");
    fill("City", "Bogotá");
    fill("State", "Cundinamarca");
    fill("Postal code", "110111");
    fill("Country code", "co");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ street: "Carrera 7", postalCode: "110111", kind: "OFFICE" });
  });

  it("should show the server's field message next to its field", async () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT", fields: { postalCode: "44100 is not a postal code of Jalisco" } } }],
    });
    renderForm(() => Promise.reject(error));
    fill("Street", "Av. Vallarta");
    fill("City", "Guadalajara");
    fill("State", "Jalisco");
    fill("Postal code", "44100");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("44100 is not a postal code of Jalisco")).toBeTruthy();
    expect(screen.getByLabelText("Postal code").getAttribute("aria-invalid")).toBe("true");
  });
});
