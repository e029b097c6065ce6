import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";

import {
  LoginDocument,
  MeDocument,
  type LoginMutation,
  type LoginMutationVariables,
} from "../../__generated__/graphql";
import { loadPage } from "../../lib/navigation";
import { renderWithProviders } from "../../test/renderWithProviders";
import { LoginPage } from "./LoginPage";

jest.mock("../../lib/navigation", () => ({ loadPage: jest.fn() }));

type LoginMock = MockLink.MockedResponse<LoginMutation, LoginMutationVariables>;

const ana = {
  __typename: "User",
  id: "VXNlcjox",
  legacyId: 1,
  name: "Ana López",
  email: "ana@example.com",
  permissions: ["crm"],
} satisfies LoginMutation["login"] & { __typename: "User" };

function loginMock(variables: LoginMutationVariables | ((vars: LoginMutationVariables) => boolean), result: LoginMock["result"]): LoginMock {
  return { request: { query: LoginDocument, variables }, result };
}

function failedLogin(code: string): LoginMock["result"] {
  return { data: null, errors: [{ message: "Invalid email or password", extensions: { code } }] };
}

function renderLogin(mocks: LoginMock[], options: { locale?: "en" | "es-MX"; from?: string } = {}) {
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<p>home page</p>} />
      <Route path="/elsewhere" element={<p>elsewhere page</p>} />
    </Routes>,
    {
      mocks,
      locale: options.locale,
      route: options.from ? { pathname: "/login", state: { from: options.from } } : "/login",
    },
  );
}

function fillAndSubmit(email: string, password: string, submitLabel = "Sign in") {
  fireEvent.change(screen.getByLabelText(/email|correo/i), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/password|contraseña/i), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: submitLabel }));
}

describe("LoginPage", () => {
  it("should render the email and password fields and the submit button", () => {
    renderLogin([]);
    expect(screen.getByRole("heading", { name: "Sign in" })).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("type")).toBe("email");
    expect(screen.getByLabelText("Password").getAttribute("type")).toBe("password");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("should render Spanish strings when the locale is es-MX", () => {
    renderLogin([], { locale: "es-MX" });
    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(screen.getByLabelText("Correo electrónico")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Entrar" })).toBeTruthy();
  });

  it("should switch to Spanish before signing in when Español is picked", () => {
    renderLogin([]);

    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "es-MX" } });

    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Entrar" })).toBeTruthy();
    window.localStorage.clear();
  });

  it("should call login with the typed input variables and go home when it succeeds", async () => {
    const matchVariables = jest.fn((vars: LoginMutationVariables) => vars.input.email === "ana@example.com");
    const { client } = renderLogin([loginMock(matchVariables, { data: { login: ana } })]);

    fillAndSubmit("ana@example.com", "s3cret!");

    expect(await screen.findByText("home page")).toBeTruthy();
    expect(matchVariables).toHaveBeenCalledWith({ input: { email: "ana@example.com", password: "s3cret!" } });
    // The returned user became `me`, so the guard lets the user in without another request.
    expect(client.readQuery({ query: MeDocument })?.me).toEqual(ana);
  });

  it("should return to the page that sent the user to login when it succeeds", async () => {
    renderLogin(
      [loginMock({ input: { email: "ana@example.com", password: "s3cret!" } }, { data: { login: ana } })],
      { from: "/elsewhere" },
    );

    fillAndSubmit("ana@example.com", "s3cret!");

    expect(await screen.findByText("elsewhere page")).toBeTruthy();
  });

  it("should load the ?next= page when the server sent the user here from a page it serves", async () => {
    renderWithProviders(
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<p>home page</p>} />
      </Routes>,
      {
        mocks: [loginMock({ input: { email: "ana@example.com", password: "s3cret!" } }, { data: { login: ana } })],
        route: "/login?next=%2Fplayground",
      },
    );

    fillAndSubmit("ana@example.com", "s3cret!");

    await waitFor(() => expect(loadPage).toHaveBeenCalledWith("/playground"));
    expect(screen.queryByText("home page")).toBeNull();
  });

  it("should show the wrong-credentials message and stay on the page when login is UNAUTHENTICATED", async () => {
    const { client } = renderLogin([
      loginMock({ input: { email: "ana@example.com", password: "wrong" } }, failedLogin("UNAUTHENTICATED")),
    ]);

    fillAndSubmit("ana@example.com", "wrong");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Wrong email or password.");
    expect(screen.queryByText("home page")).toBeNull();
    expect(screen.getByRole("button", { name: "Sign in" }).hasAttribute("disabled")).toBe(false);
    expect(client.readQuery({ query: MeDocument })).toBeNull();
  });

  it("should show the mapped message, not the server's text, when login fails with another code", async () => {
    renderLogin(
      [loginMock({ input: { email: "ana@example.com", password: "s3cret!" } }, failedLogin("RATE_LIMITED"))],
      { locale: "es-MX" },
    );

    fillAndSubmit("ana@example.com", "s3cret!", "Entrar");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.");
  });
});
