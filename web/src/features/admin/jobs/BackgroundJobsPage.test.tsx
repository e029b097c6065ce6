import type { MockLink } from "@apollo/client/testing";
import { GraphQLError } from "graphql";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import { FailedJobsDocument, RetryFailedJobsDocument, RetryJobDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { BackgroundJobsPage } from "./BackgroundJobsPage";

function job(id: string, company: string, extra: Partial<{ lastError: string | null; detail: string | null; attempts: number; prospect: null }> = {}) {
  return {
    __typename: "BackgroundJob",
    id,
    jobName: "respondio_add_prospect",
    status: "FAILED",
    attempts: 1,
    lastError: "PermanentJobError: Respond.io upsertContact refused the request: 400 Bad Request",
    detail: 'HTTP 400 POST /contact/create_or_update/phone:%2B525512345678: {"message":"email is invalid"}',
    updatedAt: "2026-11-27T01:00:00.000Z",
    prospect: { __typename: "Prospect", id: `acc-${id}`, name: "Ana Pérez", companyName: company },
    ...extra,
  } as const;
}

type Job = ReturnType<typeof job>;

const listMock = (jobs: Job[], totalCount = jobs.length): MockLink.MockedResponse => ({
  request: { query: FailedJobsDocument, variables: { first: 100 } },
  result: { data: { failedJobs: { __typename: "BackgroundJobConnection", totalCount, edges: jobs.map((node) => ({ __typename: "BackgroundJobEdge", node })) } } },
});

describe("BackgroundJobsPage", () => {
  it("should list failed jobs with the prospect link, attempts, error and the service's response", async () => {
    renderWithProviders(<BackgroundJobsPage />, {
      mocks: [listMock([job("j1", "Mudanzas Martínez"), job("j2", "Sin prospecto", { prospect: null, detail: null, attempts: 10, lastError: "RetryableJobError: timed out" })])],
    });

    const link = await screen.findByRole("link", { name: "Mudanzas Martínez (Ana Pérez)" });
    expect(link.getAttribute("href")).toBe("/?account=acc-j1");
    const row = link.closest("tr")!;
    expect(within(row).getByText("Respond.io: new lead")).toBeTruthy();
    expect(within(row).getByText(/refused the request: 400/)).toBeTruthy();
    expect(within(row).getByText(/email is invalid/)).toBeTruthy();
    const other = screen.getByText("RetryableJobError: timed out").closest("tr")!;
    expect(within(other).getByText("10")).toBeTruthy();
    expect(within(other).queryByText("Response")).toBeNull();
    expect(screen.getByRole("button", { name: "Retry all (2)" })).toBeTruthy();
    expect(screen.queryByRole("note")).toBeNull();
  });

  it("should say how many are not shown when there are more than a page", async () => {
    renderWithProviders(<BackgroundJobsPage />, { mocks: [listMock([job("j1", "Uno")], 250)] });
    expect(await screen.findByRole("note")).toHaveProperty("textContent", "Showing the 1 most recent of 250 failed jobs.");
    expect(screen.getByRole("button", { name: "Retry all (250)" })).toBeTruthy();
  });

  it("should retry one job and drop it from the list", async () => {
    const matcher = jest.fn(() => true);
    renderWithProviders(<BackgroundJobsPage />, {
      mocks: [
        listMock([job("j1", "Uno"), job("j2", "Dos")]),
        {
          request: { query: RetryJobDocument, variables: matcher },
          result: { data: { retryJob: { __typename: "BackgroundJob", id: "j1", status: "PENDING", attempts: 0 } } },
        },
      ],
    });

    fireEvent.click(await screen.findByRole("button", { name: "Retry Respond.io: new lead · Uno" }));

    expect(await screen.findByText("Respond.io: new lead · Uno will run again.")).toBeTruthy();
    expect(matcher).toHaveBeenCalledWith({ input: { jobId: "j1" } });
    await waitFor(() => expect(screen.queryByRole("link", { name: /^Uno/ })).toBeNull());
    expect(screen.getByRole("link", { name: /^Dos/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Retry all (1)" })).toBeTruthy();
  });

  it("should explain a job retried meanwhile (CONFLICT) and read the list again", async () => {
    renderWithProviders(<BackgroundJobsPage />, {
      mocks: [
        listMock([job("j1", "Uno")]),
        {
          request: { query: RetryJobDocument, variables: { input: { jobId: "j1" } } },
          result: { errors: [new GraphQLError("job is not failed", { extensions: { code: "CONFLICT" } })] },
        },
        listMock([]),
      ],
    });

    fireEvent.click(await screen.findByRole("button", { name: "Retry Respond.io: new lead · Uno" }));

    expect(await screen.findByText("That job is no longer failed (it was retried already); the list is up to date now.")).toBeTruthy();
    expect(await screen.findByText("No failed jobs.")).toBeTruthy();
  });

  it("should retry all after confirming, then show the emptied list", async () => {
    renderWithProviders(<BackgroundJobsPage />, {
      mocks: [
        listMock([job("j1", "Uno"), job("j2", "Dos")]),
        { request: { query: RetryFailedJobsDocument }, result: { data: { retryFailedJobs: { __typename: "RetryFailedJobsPayload", count: 2 } } } },
        listMock([]),
      ],
    });

    fireEvent.click(await screen.findByRole("button", { name: "Retry all (2)" }));
    const dialog = screen.getByRole("dialog", { name: "Retry all 2 failed jobs?" });
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Retry" }));

    expect(await screen.findByText("2 jobs will run again.")).toBeTruthy();
    expect(await screen.findByText("No failed jobs.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("should speak Spanish", async () => {
    renderWithProviders(<BackgroundJobsPage />, { mocks: [listMock([job("j1", "Uno")])], locale: "es-MX" });
    expect(await screen.findByRole("button", { name: "Reintentar todas (1)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Tareas en segundo plano" })).toBeTruthy();
    expect(screen.getByText("Respond.io: nuevo lead")).toBeTruthy();
  });
});
