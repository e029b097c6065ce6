import { act, fireEvent, screen } from "@testing-library/react";
import { useLocation } from "react-router";

import { commonMessages } from "../../lib/messages";
import { renderWithProviders } from "../../test/renderWithProviders";
import { buildImport, importId, importLink } from "./importFixtures";
import { ImportCsvButton } from "./ImportCsvButton";
import { UploadRefusedError, type uploadCsv, type UploadedImport } from "./uploadCsv";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{decodeURIComponent(location.search)}</output>;
}

type Upload = typeof uploadCsv;

/** An upload the test drives: it records the progress callback and settles when told. */
function heldUpload() {
  const state: { onProgress?: (loaded: number, total: number) => void; resolve?: (value: UploadedImport) => void; reject?: (error: unknown) => void; files: File[] } = { files: [] };
  const upload: Upload = (file, options = {}) =>
    new Promise((resolve, reject) => {
      state.files.push(file);
      state.onProgress = options.onProgress;
      state.resolve = resolve;
      state.reject = reject;
    });
  return { upload, state };
}

function renderButton(upload: Upload, locale: "en" | "es-MX" = "en", recent = [buildImport("COMMITTED", { totalRows: 12, createdRows: 10 })]) {
  const link = importLink({ current: buildImport("VALIDATING"), rows: {}, permissions: [] });
  const answerRecent = () =>
    link.answer("CsvImports", { data: { csvImports: { __typename: "CsvImportConnection", edges: recent.map((node) => ({ __typename: "CsvImportEdge", cursor: node.id, node })) } } });
  renderWithProviders(
    <>
      <ImportCsvButton upload={upload} />
      <LocationProbe />
    </>,
    { link: link.link, locale },
  );
  return { link, answerRecent };
}

const csv = (name = "leads.csv") => new File(["name,company_name,email\nAna,Acme,ana@example.com\n"], name, { type: "text/csv" });

describe("ImportCsvButton", () => {
  it("should upload a dropped file with a progress bar, then open the import panel on it", async () => {
    const { upload, state } = heldUpload();
    renderButton(upload);
    fireEvent.click(screen.getByRole("button", { name: "Import CSV" }));
    expect(screen.getByRole("link", { name: "Download the template" }).getAttribute("href")).toBe("http://localhost/api/imports/template.csv");

    fireEvent.drop(screen.getByText(/Drag a CSV file here/).parentElement as HTMLElement, { dataTransfer: { files: [csv()] } });
    expect(screen.getByText(/leads\.csv \(1 KB\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Upload and check" }));
    expect(state.files.map((file) => file.name)).toEqual(["leads.csv"]);

    act(() => state.onProgress?.(512, 1024));
    expect(screen.getByRole("progressbar", { name: "Upload progress" }).getAttribute("value")).toBe("50");
    expect(screen.getByText("Uploading… 50%")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Upload and check" }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => state.resolve?.({ id: importId, filename: "leads.csv", status: "validating", totalRows: 1, unmappedColumns: [] }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("location").textContent).toBe(`?import=${importId}`);
  });

  it("should name the problem when the server refuses the file, with the server's detail", async () => {
    const { upload, state } = heldUpload();
    renderButton(upload);
    fireEvent.click(screen.getByRole("button", { name: "Import CSV" }));
    fireEvent.change(screen.getByLabelText("CSV file"), { target: { files: [csv()] } });
    fireEvent.click(screen.getByRole("button", { name: "Upload and check" }));

    const detail = "The file has no column for email or phone (its columns: nombre, empresa)";
    await act(async () => state.reject?.(new UploadRefusedError(400, "BAD_USER_INPUT", "MISSING_COLUMNS", detail)));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Required columns are missing: name, company, and email or phone.");
    expect(alert.textContent).toContain(`Details: ${detail}`);
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The user can fix the file and try again from the same modal.
    expect((screen.getByRole("button", { name: "Upload and check" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("should explain refusals in Spanish, and the error code's message when there is no file reason", async () => {
    const { upload, state } = heldUpload();
    renderButton(upload, "es-MX");
    fireEvent.click(screen.getByRole("button", { name: "Importar CSV" }));
    fireEvent.change(screen.getByLabelText("Archivo CSV"), { target: { files: [csv()] } });
    fireEvent.click(screen.getByRole("button", { name: "Subir y revisar" }));
    await act(async () => state.reject?.(new UploadRefusedError(415, "BAD_USER_INPUT", "SPREADSHEET_FILE", "The file is an Excel workbook (.xlsx), not CSV")));
    expect(screen.getByRole("alert").textContent).toContain("Es una hoja de cálculo o un PDF, no un CSV.");

    fireEvent.click(screen.getByRole("button", { name: "Subir y revisar" }));
    await act(async () => state.reject?.(new UploadRefusedError(403, "FORBIDDEN", null, "Importing needs the crm permission")));
    expect(screen.getByRole("alert").textContent).toBe("No tienes permiso para hacer esto.");

    // A proxy's answer without the API's words: the reason or the code in Spanish, never "HTTP 413".
    fireEvent.click(screen.getByRole("button", { name: "Subir y revisar" }));
    await act(async () => state.reject?.(new UploadRefusedError(413, "INTERNAL_SERVER_ERROR", "FILE_TOO_LARGE", null)));
    expect(screen.getByRole("alert").textContent).toBe("El archivo es demasiado grande (50 MB como máximo). Divídelo en archivos más pequeños.");
    fireEvent.click(screen.getByRole("button", { name: "Subir y revisar" }));
    await act(async () => state.reject?.(new UploadRefusedError(502, "INTERNAL_SERVER_ERROR", null, null)));
    expect(screen.getByRole("alert").textContent).toBe(commonMessages["es-MX"].errors.INTERNAL_SERVER_ERROR);
  });

  it("should not send a file that is not CSV", () => {
    const { upload, state } = heldUpload();
    renderButton(upload);
    fireEvent.click(screen.getByRole("button", { name: "Import CSV" }));
    fireEvent.change(screen.getByLabelText("CSV file"), { target: { files: [new File(["PK"], "leads.xlsx")] } });
    expect(screen.getByRole("alert").textContent).toContain("Choose a .csv file");
    expect((screen.getByRole("button", { name: "Upload and check" }) as HTMLButtonElement).disabled).toBe(true);
    expect(state.files).toEqual([]);
  });

  it("should list the recent imports and reopen one", async () => {
    const { upload } = heldUpload();
    const { answerRecent } = renderButton(upload);
    fireEvent.click(screen.getByRole("button", { name: "Import CSV" }));
    answerRecent();
    const item = await screen.findByRole("button", { name: "Open import leads-marzo.csv" });
    expect(item.closest("li")?.textContent).toContain("Imported");
    expect(item.closest("li")?.textContent).toContain("12 rows · 10 created");
    fireEvent.click(item);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("location").textContent).toBe(`?import=${importId}`);
  });
});
