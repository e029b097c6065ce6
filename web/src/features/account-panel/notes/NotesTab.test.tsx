import { fireEvent, screen, within } from "@testing-library/react";

import { AccountNotesDocument, AddNoteDocument, MeDocument, RemoveNoteDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { panelAccountId, viewerWith } from "../panelFixtures";
import { NotesTab } from "./NotesTab";
import { notesPageSize } from "./useAccountNotes";

const account = { __typename: "Prospect", id: panelAccountId };

function note(id: string, comment: string, action: string | null = "CALL") {
  return {
    __typename: "Note",
    id,
    comment,
    action,
    scheduledDate: null,
    createdAt: "2025-02-01T15:00:00.000Z",
    source: "PROSPECT",
    canEdit: true,
    author: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
    status: null,
  };
}

function notesResult(notes: ReturnType<typeof note>[]) {
  return {
    data: {
      account: {
        __typename: "Prospect",
        id: panelAccountId,
        notes: {
          __typename: "NoteConnection",
          totalCount: notes.length,
          edges: notes.map((node) => ({ __typename: "NoteEdge", cursor: `c-${node.id}`, node })),
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        },
      },
    },
  };
}

const baseMocks = [
  { request: { query: MeDocument }, result: { data: { me: viewerWith([]) } }, maxUsageCount: Number.POSITIVE_INFINITY },
  { request: { query: AccountNotesDocument, variables: { id: panelAccountId, first: notesPageSize } }, result: notesResult([note("Tm90ZTox", "Llamada inicial")]) },
];

describe("NotesTab", () => {
  it("should show the timeline with each note's action", async () => {
    renderWithProviders(<NotesTab account={account} />, { mocks: baseMocks });
    const timeline = await screen.findByRole("list", { name: "Timeline" });
    expect(await within(timeline).findByText("Llamada inicial")).toBeTruthy();
    expect(within(timeline).getByText("Call")).toBeTruthy();
  });

  it("should delete a note only after the confirmation dialog, and keep it when cancelled", async () => {
    const removeMock = {
      request: { query: RemoveNoteDocument, variables: { input: { id: "Tm90ZTox" } } },
      result: { data: { removeNote: { __typename: "Note", id: "Tm90ZTox" } } },
    };
    renderWithProviders(<NotesTab account={account} />, { mocks: [...baseMocks, removeMock] });
    const timeline = await screen.findByRole("list", { name: "Timeline" });
    fireEvent.click(await within(timeline).findByRole("button", { name: "Delete note" }));
    fireEvent.click(within(await screen.findByRole("dialog", { name: "Delete this note?" })).getByRole("button", { name: "Cancel" }));
    expect(within(timeline).getByText("Llamada inicial")).toBeTruthy();

    fireEvent.click(within(timeline).getByRole("button", { name: "Delete note" }));
    fireEvent.click(within(await screen.findByRole("dialog", { name: "Delete this note?" })).getByRole("button", { name: "Delete note" }));
    expect(await screen.findByText("Note deleted.")).toBeTruthy();
    expect(within(timeline).queryByText("Llamada inicial")).toBeNull();
  });

  it("should ask for the note's text and send nothing when it is empty", async () => {
    renderWithProviders(<NotesTab account={account} />, { mocks: baseMocks });
    fireEvent.click(await screen.findByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Write the note.")).toBeTruthy();
  });

  it("should add the note to the top of the timeline when the server accepts it", async () => {
    const added = note("Tm90ZToy", "Enviar cotización", "EMAIL");
    renderWithProviders(<NotesTab account={account} />, {
      mocks: [
        ...baseMocks,
        {
          request: { query: AddNoteDocument, variables: { input: { accountId: panelAccountId, comment: "Enviar cotización", action: "EMAIL", scheduledDate: null } } },
          result: { data: { addNote: added } },
        },
      ],
    });
    const timeline = await screen.findByRole("list", { name: "Timeline" });
    await within(timeline).findByText("Llamada inicial");

    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "Enviar cotización" } });
    fireEvent.change(screen.getByLabelText("Action"), { target: { value: "EMAIL" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));

    expect(await screen.findByText("Note added.")).toBeTruthy();
    const comments = within(timeline).getAllByRole("listitem").map((item) => item.querySelector(".timeline__comment")?.textContent);
    expect(comments).toEqual(["Enviar cotización", "Llamada inicial"]);
    expect((screen.getByLabelText("Note") as HTMLTextAreaElement).value).toBe("");
  });

  it("should keep the text and show the error when the server refuses the note", async () => {
    renderWithProviders(<NotesTab account={account} />, {
      mocks: [
        ...baseMocks,
        {
          request: { query: AddNoteDocument, variables: { input: { accountId: panelAccountId, comment: "Hola", action: null, scheduledDate: null } } },
          result: { errors: [{ message: "nope", extensions: { code: "FORBIDDEN" } }] },
        },
      ],
    });
    await screen.findByText("Llamada inicial");
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "Hola" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));

    expect((await screen.findByRole("alert")).textContent).toContain("You do not have permission to do this.");
    expect((screen.getByLabelText("Note") as HTMLTextAreaElement).value).toBe("Hola");
    expect(screen.queryByText("Hola", { selector: ".timeline__comment" })).toBeNull();
  });
});
