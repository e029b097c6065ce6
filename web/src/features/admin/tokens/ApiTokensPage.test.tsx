import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
  type CreateApiTokenMutationVariables,
} from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { ApiTokensPage } from "./ApiTokensPage";

const admin = { __typename: "User", id: "VXNlcjox", name: "Ana López" } as const;

function token(id: string, name: string, extra: Partial<{ lastUsedAt: string | null; revokedAt: string | null }> = {}) {
  return {
    __typename: "ApiToken",
    id,
    name,
    scopes: ["READ"],
    user: admin,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: "2025-01-10T12:00:00.000Z",
    ...extra,
  } as const;
}

const listMock = (tokens: ReturnType<typeof token>[]): MockLink.MockedResponse => ({
  request: { query: ApiTokensDocument },
  result: { data: { apiTokens: tokens } },
});

describe("ApiTokensPage", () => {
  it("should list tokens with their last use and state", async () => {
    renderWithProviders(<ApiTokensPage />, {
      mocks: [listMock([token("t1", "ERP sync", { lastUsedAt: "2025-01-12T15:30:00.000Z" }), token("t2", "Old", { revokedAt: "2025-01-11T00:00:00.000Z" })])],
    });

    const erp = (await screen.findByText("ERP sync")).closest("tr");
    const old = screen.getByText("Old").closest("tr");
    if (!erp || !old) {
      throw new Error("rows missing");
    }
    expect(within(erp).getByText("Active")).toBeTruthy();
    expect(within(erp).getByRole("button", { name: "Revoke ERP sync" })).toBeTruthy();
    expect(within(old).getByText("Revoked")).toBeTruthy();
    expect(within(old).getByText("Not used yet")).toBeTruthy();
    expect(within(old).queryByRole("button")).toBeNull();
  });

  it("should show validation messages and send nothing when the form is incomplete", async () => {
    renderWithProviders(<ApiTokensPage />, { mocks: [listMock([])] });
    expect(await screen.findByText("No API tokens yet.")).toBeTruthy();

    fireEvent.click(screen.getByRole("checkbox", { name: "Read (queries)" }));
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));

    expect(await screen.findByText("Give the token a name.")).toBeTruthy();
    expect(screen.getByText("Pick at least one scope.")).toBeTruthy();
  });

  it("should show the secret once with a copy button and add the token to the list when it is created", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    const matcher = jest.fn((variables: CreateApiTokenMutationVariables) => variables.input.name === "ERP sync");
    renderWithProviders(<ApiTokensPage />, {
      mocks: [
        listMock([]),
        {
          request: { query: CreateApiTokenDocument, variables: matcher },
          result: { data: { createApiToken: { __typename: "CreatedApiToken", secret: "crm_s3cr3t", token: token("t9", "ERP sync") } } },
        },
      ],
    });
    await screen.findByText("No API tokens yet.");

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: " ERP sync " } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Write (mutations)" }));
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));

    const dialog = await screen.findByRole("dialog", { name: "Copy your token now" });
    expect((within(dialog).getByLabelText("Token secret") as HTMLInputElement).value).toBe("crm_s3cr3t");
    expect(matcher).toHaveBeenCalledWith({ input: { name: "ERP sync", scopes: ["READ", "WRITE"], expiresAt: null } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("crm_s3cr3t"));

    fireEvent.click(within(dialog).getByRole("button", { name: "I have copied it" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByDisplayValue("crm_s3cr3t")).toBeNull();
    expect(screen.getByRole("button", { name: "Revoke ERP sync" })).toBeTruthy();
  });

  it("should revoke after confirmation and show the token as revoked", async () => {
    renderWithProviders(<ApiTokensPage />, {
      mocks: [
        listMock([token("t1", "ERP sync")]),
        {
          request: { query: RevokeApiTokenDocument, variables: { input: { id: "t1" } } },
          result: { data: { revokeApiToken: { __typename: "ApiToken", id: "t1", revokedAt: "2025-01-13T00:00:00.000Z" } } },
        },
      ],
    });

    fireEvent.click(await screen.findByRole("button", { name: "Revoke ERP sync" }));
    const dialog = screen.getByRole("dialog", { name: "Revoke “ERP sync”?" });
    // Cancel has the focus, so Enter alone never revokes.
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));

    expect(await screen.findByText("Token “ERP sync” revoked.")).toBeTruthy();
    expect(screen.getByText("Revoked")).toBeTruthy();
  });
});
