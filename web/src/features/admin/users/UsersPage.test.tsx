import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import {
  AdminUsersDocument,
  CreateUserDocument,
  DeactivateUserDocument,
  ReactivateUserDocument,
  SetUserPermissionsDocument,
  type CreateUserMutationVariables,
  type SetUserPermissionsMutationVariables,
} from "../../../__generated__/graphql";
import { buildViewer, meMock } from "../../../test/fixtures";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { UsersPage } from "./UsersPage";
import { usersPageSize } from "./useUsers";

function user(id: string, name: string, role: "SDR" | "MDR" | null, permissions: string[], active = true) {
  return { __typename: "User", id, name, email: `${id}@example.com`, active, role, permissions } as const;
}

const me = user("VXNlcjox", "Ana López", null, ["crm", "admin"]);
const beto = user("VXNlcjoy", "Beto Ruiz", "SDR", ["crm", "kae", "legacy-flag"]);
const dora = user("VXNlcjo0", "Dora Paz", "MDR", ["crm"], false);

function usersPage(users: ReturnType<typeof user>[]) {
  return {
    users: {
      __typename: "UserConnection",
      totalCount: users.length,
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      edges: users.map((node) => ({ __typename: "UserEdge", cursor: node.id, node })),
    },
  };
}

const listMock = (users: ReturnType<typeof user>[]): MockLink.MockedResponse => ({
  request: { query: AdminUsersDocument, variables: { first: usersPageSize } },
  result: { data: usersPage(users) },
});

function renderUsers(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(<UsersPage />, { mocks: [meMock(buildViewer(["admin"])), listMock([me, beto, dora]), ...mocks] });
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest("tr");
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  return row;
}

describe("UsersPage", () => {
  it("should list users with their role, permissions and state, and never offer to deactivate yourself", async () => {
    renderUsers([]);
    await screen.findByText("Beto Ruiz");

    expect(within(rowOf("Beto Ruiz")).getByText("SDR")).toBeTruthy();
    expect(within(rowOf("Beto Ruiz")).getByText("CRM access, KAE")).toBeTruthy();
    expect(within(rowOf("Beto Ruiz")).getByRole("button", { name: "Deactivate: Beto Ruiz" })).toBeTruthy();
    await waitFor(() => expect(within(rowOf("Ana López")).queryByRole("button", { name: /Deactivate/ })).toBeNull());
  });

  it("should show validation messages and create nothing when the form is incomplete", async () => {
    renderUsers([]);
    await screen.findByText("Beto Ruiz");

    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "not-an-email" } });
    fireEvent.change(screen.getByLabelText("Initial password"), { target: { value: "short" } });
    fireEvent.click(screen.getByRole("button", { name: "Create user" }));

    expect(await screen.findByText("Enter the user's name.")).toBeTruthy();
    expect(screen.getByText("Enter a valid email address.")).toBeTruthy();
    expect(screen.getByText("Use at least 10 characters.")).toBeTruthy();
  });

  it("should create a user with the role and access picked and list them", async () => {
    const matcher = jest.fn((variables: CreateUserMutationVariables) => variables.input.email === "carla@example.com");
    renderUsers([
      {
        request: { query: CreateUserDocument, variables: matcher },
        result: { data: { createUser: user("VXNlcjoz", "Carla Díaz", "MDR", ["crm"]) } },
      },
      listMock([me, beto, user("VXNlcjoz", "Carla Díaz", "MDR", ["crm"]), dora]),
    ]);
    await screen.findByText("Beto Ruiz");

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Carla Díaz" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "carla@example.com" } });
    fireEvent.change(screen.getByLabelText("Initial password"), { target: { value: "s3cret-pass" } });
    fireEvent.click(screen.getByRole("radio", { name: "MDR" }));
    fireEvent.click(screen.getByRole("button", { name: "Create user" }));

    expect(await screen.findByText("Carla Díaz can sign in now.")).toBeTruthy();
    expect(matcher).toHaveBeenCalledWith({
      input: { name: "Carla Díaz", email: "carla@example.com", password: "s3cret-pass", role: "MDR", permissions: ["crm"] },
    });
    // The list is refetched: the new user appears in name order.
    await waitFor(() => expect(within(rowOf("Carla Díaz")).getByText("MDR")).toBeTruthy());
  });

  it("should show the server's field problems in the page's language on their fields", async () => {
    renderWithProviders(<UsersPage />, {
      locale: "es-MX",
      mocks: [
        meMock(buildViewer(["admin"])),
        listMock([me, beto, dora]),
        {
          request: { query: CreateUserDocument, variables: () => true },
          result: {
            errors: [
              {
                message: "Invalid input",
                extensions: { code: "BAD_USER_INPUT", fields: { name: "is required", password: "must be at least 10 characters" } },
              },
            ],
          },
        },
      ],
    });
    await screen.findByText("Beto Ruiz");

    fireEvent.change(screen.getByLabelText("Nombre"), { target: { value: "Carla Díaz" } });
    fireEvent.change(screen.getByLabelText("Correo"), { target: { value: "carla@example.com" } });
    fireEvent.change(screen.getByLabelText("Contraseña inicial"), { target: { value: "s3cret-pass" } });
    fireEvent.click(screen.getByRole("button", { name: "Crear usuario" }));

    expect(await screen.findByText("Escribe el nombre del usuario.")).toBeTruthy();
    expect(screen.getByText("Usa al menos 10 caracteres.")).toBeTruthy();
    expect(screen.queryByText("is required")).toBeNull();
  });

  it("should save the whole permission set, keeping keys the page does not know, when permissions are edited", async () => {
    const matcher = jest.fn((variables: SetUserPermissionsMutationVariables) => variables.input.userId === beto.id);
    renderUsers([
      {
        request: { query: SetUserPermissionsDocument, variables: matcher },
        result: {
          data: {
            setUserPermissions: { __typename: "User", id: beto.id, role: "MDR", permissions: ["crm", "crm-manager", "kae", "legacy-flag"] },
          },
        },
      },
    ]);
    await screen.findByText("Beto Ruiz");

    fireEvent.click(screen.getByRole("button", { name: "Permissions: Beto Ruiz" }));
    const dialog = screen.getByRole("dialog", { name: "Permissions of Beto Ruiz" });
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "Manager (sees everything)" }));
    fireEvent.click(within(dialog).getByRole("radio", { name: "MDR" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Permissions of Beto Ruiz saved.")).toBeTruthy();
    expect(matcher).toHaveBeenCalledWith({
      input: { userId: beto.id, role: "MDR", permissions: ["crm", "crm-manager", "kae", "legacy-flag"] },
    });
    expect(within(rowOf("Beto Ruiz")).getByText("MDR")).toBeTruthy();
  });

  it("should deactivate a user after confirmation", async () => {
    renderUsers([
      {
        request: { query: DeactivateUserDocument, variables: { input: { userId: beto.id } } },
        result: { data: { deactivateUser: { __typename: "User", id: beto.id, active: false } } },
      },
    ]);
    await screen.findByText("Beto Ruiz");

    fireEvent.click(screen.getByRole("button", { name: "Deactivate: Beto Ruiz" }));
    fireEvent.click(within(screen.getByRole("dialog", { name: "Deactivate Beto Ruiz?" })).getByRole("button", { name: "Deactivate" }));

    expect(await screen.findByText("Beto Ruiz was deactivated.")).toBeTruthy();
    expect(within(rowOf("Beto Ruiz")).getByText("Deactivated")).toBeTruthy();
  });

  it("should reactivate a deactivated user", async () => {
    renderUsers([
      {
        request: { query: ReactivateUserDocument, variables: { input: { userId: dora.id } } },
        result: { data: { reactivateUser: { __typename: "User", id: dora.id, active: true } } },
      },
    ]);
    await screen.findByText("Dora Paz");
    expect(within(rowOf("Dora Paz")).getByText("Deactivated")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Reactivate: Dora Paz" }));

    expect(await screen.findByText("Dora Paz can sign in again.")).toBeTruthy();
    expect(within(rowOf("Dora Paz")).getByText("Active")).toBeTruthy();
  });
});
