import { fireEvent, screen, waitFor, within } from "@testing-library/react";

import { AccountNotesDocument, MeDocument, UpdateNoteDocument } from "../../../__generated__/graphql";
import { renderWithProviders } from "../../../test/renderWithProviders";
import { panelAccountId, viewerWith } from "../panelFixtures";
import { NotesTab } from "./NotesTab";
import { toLocalInput } from "./noteSchema";
import { notesPageSize } from "./useAccountNotes";

const account = { __typename: "Prospect", id: panelAccountId };
const noteId = "Tm90ZTox";

function note(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Note",
    id: noteId,
    comment: "Llamada inicial",
    action: "CALL",
    scheduledDate: "2025-03-10T16:30:45.000Z",
    createdAt: "2025-02-01T15:00:00.000Z",
    source: "PROSPECT",
    canEdit: true,
    author: { __typename: "User", id: "VXNlcjoz", name: "Diego Herrera" },
    status: null,
    ...overrides,
  };
}

function mocks(notes: ReturnType<typeof note>[], extra: unknown[] = []) {
  return [
    { request: { query: MeDocument }, result: { data: { me: viewerWith([]) } }, maxUsageCount: Number.POSITIVE_INFINITY },
    {
      request: { query: AccountNotesDocument, variables: { id: panelAccountId, first: notesPageSize } },
      result: {
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
      },
    },
    ...extra,
  ] as never;
}

function updateMock(input: Record<string, unknown>, result: Record<string, unknown>, delay = 0) {
  return { request: { query: UpdateNoteDocument, variables: { input: { id: noteId, ...input } } }, result, delay };
}

async function openEditor() {
  const timeline = await screen.findByRole("list", { name: "Timeline" });
  fireEvent.click(await within(timeline).findByRole("button", { name: "Edit note" }));
  return screen.getByRole("form", { name: "Edit note" });
}

describe("Editing a note on the timeline", () => {
  it("should offer editing only on notes the viewer may edit", async () => {
    renderWithProviders(<NotesTab account={account} />, { mocks: mocks([note({ canEdit: false })]) });
    await screen.findByText("Llamada inicial");
    expect(screen.queryByRole("button", { name: "Edit note" })).toBeNull();
  });

  it("should fill the editor with the note and save only what changed, showing it at once", async () => {
    renderWithProviders(<NotesTab account={account} />, {
      mocks: mocks(
        [note()],
        [updateMock({ comment: "Llamada inicial, pidió cotización", action: "WHATSAPP" }, { data: { updateNote: note({ comment: "Llamada inicial, pidió cotización", action: "WHATSAPP" }) } }, 300)],
      ),
    });
    const form = await openEditor();
    const comment = within(form).getByLabelText("Note") as HTMLTextAreaElement;
    expect(comment.value).toBe("Llamada inicial");
    expect((within(form).getByLabelText("Action") as HTMLSelectElement).value).toBe("CALL");
    expect((within(form).getByLabelText(/Schedule a follow-up/) as HTMLInputElement).value).toBe(toLocalInput("2025-03-10T16:30:45.000Z"));

    fireEvent.change(comment, { target: { value: "Llamada inicial, pidió cotización" } });
    fireEvent.change(within(form).getByLabelText("Action"), { target: { value: "WHATSAPP" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    // Optimistic: the new text is on the timeline before the server answers.
    expect(await screen.findByText("Llamada inicial, pidió cotización", { selector: ".timeline__comment" })).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Edit note" })).toBeNull();
    expect(screen.queryByText("Note updated.")).toBeNull();
    expect(await screen.findByText("Note updated.")).toBeTruthy();
    expect(screen.getByText("WhatsApp", { selector: ".timeline__meta strong" })).toBeTruthy();
  });

  it("should clear the scheduled date when it is emptied", async () => {
    renderWithProviders(<NotesTab account={account} />, {
      mocks: mocks([note()], [updateMock({ scheduledDate: null }, { data: { updateNote: note({ scheduledDate: null }) } })]),
    });
    const form = await openEditor();
    fireEvent.change(within(form).getByLabelText(/Schedule a follow-up/), { target: { value: "" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Note updated.")).toBeTruthy();
    expect(screen.queryByText(/Scheduled for/)).toBeNull();
  });

  it("should put the old text back and reopen the editor with the server's problem on the comment, in Spanish", async () => {
    const refused = { errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT", fields: { comment: "must be at most 5000 characters" } } }] };
    renderWithProviders(<NotesTab account={account} />, { locale: "es-MX", mocks: mocks([note()], [updateMock({ comment: "Otra cosa" }, refused)]) });
    const timeline = await screen.findByRole("list", { name: "Historial" });
    fireEvent.click(await within(timeline).findByRole("button", { name: "Editar nota" }));
    const form = screen.getByRole("form", { name: "Editar nota" });
    fireEvent.change(within(form).getByLabelText("Nota"), { target: { value: "Otra cosa" } });
    fireEvent.click(within(form).getByRole("button", { name: "Guardar" }));

    expect(await screen.findByText("Máximo 5000 caracteres.")).toBeTruthy();
    const reopened = screen.getByRole("form", { name: "Editar nota" });
    const comment = within(reopened).getByLabelText("Nota") as HTMLTextAreaElement;
    expect(comment.value).toBe("Otra cosa");
    await waitFor(() => expect(comment.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.queryByText("Otra cosa", { selector: ".timeline__comment" })).toBeNull();
  });

  it("should keep the note as it was and send nothing when cancelled", async () => {
    renderWithProviders(<NotesTab account={account} />, { mocks: mocks([note()]) });
    const form = await openEditor();
    fireEvent.change(within(form).getByLabelText("Note"), { target: { value: "Descartado" } });
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.getByText("Llamada inicial", { selector: ".timeline__comment" })).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Edit note" })).toBeNull();
  });

  it("should require the text in the editor too", async () => {
    renderWithProviders(<NotesTab account={account} />, { mocks: mocks([note()]) });
    const form = await openEditor();
    fireEvent.change(within(form).getByLabelText("Note"), { target: { value: "  " } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(form).findByText("Write the note.")).toBeTruthy();
  });
});
