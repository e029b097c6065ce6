import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ApiClient, TestApi } from "./api";

/*
 * Test helpers of the import suites (not used by the app): upload a file to the running
 * test API, wait for the background work, read an import's report through the graph.
 */

export const CORPUS_DIR = resolve(__dirname, "csv-corpus");

export function corpusFile(name: string): Buffer {
  return readFileSync(join(CORPUS_DIR, name));
}

export interface UploadAnswer {
  status: number;
  body: { data?: { csvImport: { id: string; status: string; totalRows: number; unmappedColumns: string[] } }; errors?: Array<{ message: string; extensions: { code: string; reason?: string } }> };
}

/** POST /api/imports as `client` (cookie + CSRF header unless `headers` says otherwise). */
export async function uploadCsv(api: TestApi, client: ApiClient | null, content: Buffer | string, filename = "leads.csv", headers: Record<string, string> = { "apollo-require-preflight": "true" }): Promise<UploadAnswer> {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type: "text/csv" }), filename);
  const cookie = client?.sessionCookie;
  const response = await fetch(`${api.url}/api/imports`, { method: "POST", headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: form });
  return { status: response.status, body: (await response.json()) as UploadAnswer["body"] };
}

/** Uploads and waits for the validation; the import's global id. */
export async function uploadAndValidate(api: TestApi, client: ApiClient, content: Buffer | string, filename?: string): Promise<string> {
  const answer = await uploadCsv(api, client, content, filename);
  if (answer.status !== 202) {
    throw new Error(`upload refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  await api.services.imports.runner.idle();
  return answer.body.data!.csvImport.id;
}

export interface ReportRow {
  rowNumber: number;
  state: string;
  errors: Array<{ column: string | null; message: string }>;
  duplicateOf: { row: number | null; accountExists: boolean; accountId: string | null } | null;
  prospectId: string | null;
  values: Array<{ column: string; value: string }>;
}

export interface Report {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  validRows: number;
  invalidRows: number;
  duplicateRows: number;
  createdRows: number;
  unmappedColumns: string[];
  error: string | null;
  rows: { totalCount: number; edges: Array<{ node: ReportRow }> };
}

export const REPORT = `query($id: ID!, $states: [CsvImportRowState!]) { csvImport(id: $id) {
  id status totalRows processedRows validRows invalidRows duplicateRows createdRows unmappedColumns error
  rows(first: 25, states: $states) { totalCount edges { node { rowNumber state errors { column message } duplicateOf { row accountExists accountId } prospectId values { column value } } } }
} }`;

/** The import as `client` sees it (first 25 rows, optionally of some states). */
export async function readReport(client: ApiClient, id: string, states?: string[]): Promise<Report> {
  const res = await client.gql<{ csvImport: Report }>(REPORT, { id, states });
  if (res.errors) {
    throw new Error(`csvImport: ${JSON.stringify(res.errors)}`);
  }
  return res.data!.csvImport;
}

export const COMMIT = `mutation($input: CommitImportInput!) { commitImport(input: $input) { id status createdRows } }`;

/** A compact view of the rows: `2 valid`, `3 invalid company_name,email`, `5 duplicate row 2`. */
export function rowSummary(report: Report): string[] {
  return report.rows.edges.map(({ node }) => {
    const columns = node.errors.map((e) => e.column ?? "-").join(",");
    const duplicate = node.duplicateOf ? (node.duplicateOf.row !== null ? ` row ${node.duplicateOf.row}` : " account") : "";
    const state = node.state.toLowerCase();
    return `${node.rowNumber} ${state}${columns && state === "invalid" ? ` ${columns}` : ""}${duplicate}`;
  });
}
