import type { CsvImportRowState, CsvImportStatus } from "../../__generated__/graphql";
import { buildViewer, catalogsData } from "../../test/fixtures";
import { heldLink } from "../../test/heldLink";

export const importId = "Q3N2SW1wb3J0Ojc=";

/** An import as the graph answers it (ImportPanel_import). */
export function buildImport(status: CsvImportStatus, counts: Partial<Record<"totalRows" | "processedRows" | "validRows" | "invalidRows" | "duplicateRows" | "createdRows", number>> = {}, extra: { error?: string | null; unmappedColumns?: string[] } = {}) {
  return {
    __typename: "CsvImport" as const,
    id: importId,
    filename: "leads-marzo.csv",
    status,
    totalRows: 10,
    processedRows: 10,
    validRows: 0,
    invalidRows: 0,
    duplicateRows: 0,
    createdRows: 0,
    ...counts,
    unmappedColumns: extra.unmappedColumns ?? [],
    error: extra.error ?? null,
    createdAt: "2026-03-02T16:00:00.000Z",
    user: { __typename: "User" as const, id: "VXNlcjox", name: "Ana López" },
  };
}

export type ImportFixture = ReturnType<typeof buildImport>;

interface RowFixture {
  readonly rowNumber: number;
  readonly state: CsvImportRowState;
  readonly errors?: ReadonlyArray<{ column: string | null; message: string }>;
  readonly duplicateOf?: { row: number | null; accountExists: boolean; accountId: string | null };
  readonly prospectId?: string | null;
  readonly values?: Record<string, string>;
}

export function buildRow(row: RowFixture) {
  return {
    __typename: "CsvImportRow" as const,
    rowNumber: row.rowNumber,
    state: row.state,
    values: Object.entries(row.values ?? { name: `Persona ${row.rowNumber}`, company_name: `Empresa ${row.rowNumber}` }).map(([column, value]) => ({
      __typename: "CsvImportCell" as const,
      column,
      value,
    })),
    errors: (row.errors ?? []).map((error) => ({ __typename: "CsvImportRowError" as const, ...error })),
    duplicateOf: row.duplicateOf ? { __typename: "CsvImportDuplicate" as const, ...row.duplicateOf } : null,
    prospectId: row.prospectId ?? null,
  };
}

export function rowsPage(rows: ReadonlyArray<ReturnType<typeof buildRow>>, options: { hasNextPage?: boolean; totalCount?: number } = {}) {
  const last = rows[rows.length - 1];
  return {
    csvImport: {
      __typename: "CsvImport" as const,
      id: importId,
      rows: {
        __typename: "CsvImportRowConnection" as const,
        edges: rows.map((node) => ({ __typename: "CsvImportRowEdge" as const, cursor: `row-${node.rowNumber}`, node })),
        pageInfo: { __typename: "PageInfo" as const, hasNextPage: options.hasNextPage ?? false, endCursor: last ? `row-${last.rowNumber}` : null },
        totalCount: options.totalCount ?? rows.length,
      },
    },
  };
}

interface ImportServer {
  /** What CsvImport answers from now on (each poll reads it). */
  current: ImportFixture | { errors: unknown[] };
  /** CsvImportRows pages per state and `after` cursor ("" for the first page). */
  readonly rows: Partial<Record<CsvImportRowState, Record<string, ReturnType<typeof rowsPage>>>>;
  readonly permissions: readonly string[];
}

/**
 * A fake graph for the import panel: Me, Catalogs, Salesmen, CsvImport (from `server.current`,
 * counted) and CsvImportRows answered at once; anything else (CommitImport, unknown pages) is held
 * until the test answers it.
 */
export function importLink(server: ImportServer) {
  const counts = { csvImport: 0 };
  const held = heldLink((operation) => {
    switch (operation.operationName) {
      case "Me":
        return { data: { me: buildViewer(server.permissions) } };
      case "Catalogs":
        return { data: catalogsData };
      case "Salesmen":
        return {
          data: {
            salesmen: [
              { __typename: "User", id: "VXNlcjox", name: "Ana López" },
              { __typename: "User", id: "VXNlcjoy", name: "Beto Ruiz" },
            ],
          },
        };
      case "CsvImport":
        counts.csvImport += 1;
        return "errors" in server.current ? (server.current as never) : { data: { csvImport: server.current } };
      case "CsvImportRows": {
        const states = operation.variables.states as CsvImportRowState[];
        const page = server.rows[states[0]!]?.[(operation.variables.after as string | undefined) ?? ""];
        return page ? { data: page } : undefined;
      }
      default:
        return undefined;
    }
  });
  return Object.assign(held, { counts });
}
