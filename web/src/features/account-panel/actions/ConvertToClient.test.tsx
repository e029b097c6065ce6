import { fireEvent, screen, waitFor } from "@testing-library/react";

import { CompanySearchDocument, ConvertToClientDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { buildPanelAccount, panelAccountId } from "../panelFixtures";
import { AccountActions } from "./AccountActions";

const companyId = "Q29tcGFueTo3";

function companies(search: string | null, nodes: Array<{ id: string; name: string; taxId: string | null }>, totalCount = nodes.length) {
  return {
    request: { query: CompanySearchDocument, variables: { search, first: 10 } },
    result: {
      data: {
        companies: {
          __typename: "CompanyConnection",
          totalCount,
          edges: nodes.map((node) => ({ __typename: "CompanyEdge", node: { __typename: "Company", ...node } })),
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const converted = { ...buildPanelAccount(), __typename: "Client", type: "CLIENT", status: "REGISTERED", version: 4 };

function convertMock(input: Record<string, unknown>, result: Record<string, unknown> = { data: { convertToClient: converted } }) {
  return { request: { query: ConvertToClientDocument, variables: { input: { accountId: panelAccountId, version: 3, ...input } } }, result };
}

const conflict = (reason: string) => ({ errors: [{ message: "conflict", extensions: { code: "CONFLICT", reason } }] });

const searchMocks = [
  companies("Envíos del Bajío", []),
  companies("Env", [
    { id: companyId, name: "Envíos Rápidos", taxId: "ERA010101AB1" },
    { id: "Q29tcGFueTo4", name: "Envolturas MX", taxId: null },
  ], 12),
];

function openConvert(mocks: unknown[], locale: "en" | "es-MX" = "en") {
  const view = renderWithProviders(<AccountActions account={buildPanelAccount()} />, { mocks: mocks as never, locale });
  fireEvent.click(screen.getByRole("button", { name: locale === "en" ? "Convert to client" : "Convertir en cliente" }));
  return view;
}

describe("Convert to client", () => {
  it("should search companies as one types and convert into the one chosen with the keyboard", async () => {
    openConvert([...searchMocks, convertMock({ companyId })]);
    const combobox = screen.getByRole("combobox", { name: "Company" });
    expect(await screen.findByText("No company starts with “Envíos del Bajío”.")).toBeTruthy();
    fireEvent.change(combobox, { target: { value: "Env" } });
    expect(await screen.findByRole("option", { name: "Envíos Rápidos · ERA010101AB1" })).toBeTruthy();
    expect(screen.getByText("Showing 2 of 12; keep typing to narrow.")).toBeTruthy();
    expect(combobox.getAttribute("aria-expanded")).toBe("true");

    fireEvent.keyDown(combobox, { key: "ArrowDown" });
    expect(combobox.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: /Envíos Rápidos/ }).id);
    fireEvent.keyDown(combobox, { key: "Enter" });
    expect((combobox as HTMLInputElement).value).toBe("Envíos Rápidos");
    expect(screen.getByText("Chosen: Envíos Rápidos · ERA010101AB1")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Converted to client.")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Convert to client" })).toBeNull();
  });

  it("should choose a company with the mouse and send its id", async () => {
    openConvert([...searchMocks, convertMock({ companyId: "Q29tcGFueTo4" })]);
    fireEvent.change(screen.getByRole("combobox", { name: "Company" }), { target: { value: "Env" } });
    fireEvent.mouseDown(await screen.findByRole("option", { name: "Envolturas MX" }));
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Converted to client.")).toBeTruthy();
  });

  it("should ask for a company from the list before sending anything", async () => {
    openConvert(searchMocks);
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Choose a company from the list.")).toBeTruthy();
  });

  it("should create a new company with its name and RFC, checking the RFC first", async () => {
    openConvert([...searchMocks, convertMock({ company: { name: "Envíos del Bajío SA", taxId: "EBA990101XY2" } })]);
    fireEvent.click(screen.getByRole("radio", { name: "A new company" }));
    const name = screen.getByLabelText("Company name on the platform") as HTMLInputElement;
    expect(name.value).toBe("Envíos del Bajío");
    fireEvent.change(name, { target: { value: "Envíos del Bajío SA" } });
    fireEvent.change(screen.getByLabelText("RFC (optional)"), { target: { value: "nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Enter a valid RFC (12 or 13 characters, e.g. ABC010101AB1).")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("RFC (optional)"), { target: { value: "eba990101xy2" } });
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Converted to client.")).toBeTruthy();
  });

  it("should say clearly when the account became a client meanwhile (ALREADY_CLIENT)", async () => {
    openConvert([...searchMocks, convertMock({ companyId }, conflict("ALREADY_CLIENT"))]);
    fireEvent.change(screen.getByRole("combobox", { name: "Company" }), { target: { value: "Env" } });
    fireEvent.mouseDown(await screen.findByRole("option", { name: /Envíos Rápidos/ }));
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    const alert = await screen.findByText(/This account is already a client/);
    expect(alert.closest("[role=alert]")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reload" })).toBeTruthy();
  });

  it("should say the account was changed by someone else on a stale version (STALE_VERSION)", async () => {
    openConvert([...searchMocks, convertMock({ company: { name: "Envíos del Bajío", taxId: null } }, conflict("STALE_VERSION"))]);
    fireEvent.click(screen.getByRole("radio", { name: "A new company" }));
    fireEvent.click(screen.getByRole("button", { name: "Convert" }));
    expect(await screen.findByText("Changed by someone else — reload to see their changes, then edit again.")).toBeTruthy();
  });

  it("should show the server's RFC problem on the RFC field, in Spanish", async () => {
    const bad = { errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT", fields: { "company.taxId": "must be an RFC (12 or 13 characters)" } } }] };
    openConvert([companies("Envíos del Bajío", []), convertMock({ company: { name: "Envíos del Bajío", taxId: "ABC010101AB1" } }, bad)], "es-MX");
    fireEvent.click(screen.getByRole("radio", { name: "Una empresa nueva" }));
    const rfc = screen.getByLabelText("RFC (opcional)");
    fireEvent.change(rfc, { target: { value: "ABC010101AB1" } });
    fireEvent.click(screen.getByRole("button", { name: "Convertir" }));
    expect(await screen.findByText("Escribe un RFC válido (12 o 13 caracteres, p. ej. ABC010101AB1).")).toBeTruthy();
    await waitFor(() => expect(rfc.getAttribute("aria-invalid")).toBe("true"));
  });
});
