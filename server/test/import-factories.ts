import type { DataSource } from "typeorm";
import type { UserEntity } from "../src/modules/auth/user.entity";
import { ImportEntity, ImportRowEntity, type ImportRowState, type ImportStatus } from "../src/modules/imports/import.entities";

/** A stored row for buildImport. */
export interface ImportRowFixture {
  rowNumber: number;
  data: Record<string, string>;
  state?: ImportRowState;
  duplicateOfId?: number | null;
  duplicateOfRow?: number | null;
  prospectId?: number | null;
}

/** A CSV import of `user` as the validation leaves it (status validated unless told), with its rows. */
export async function buildImport(
  ds: DataSource,
  user: UserEntity,
  options: { status?: ImportStatus; rows?: ImportRowFixture[]; filename?: string } = {},
): Promise<ImportEntity> {
  const rows = options.rows ?? [];
  const count = (state: ImportRowState) => rows.filter((r) => (r.state ?? "valid") === state).length;
  const created = await ds.getRepository(ImportEntity).save({
    userId: user.id,
    filename: options.filename ?? "leads.csv",
    status: options.status ?? "validated",
    totalRows: rows.length,
    processedRows: rows.length,
    validRows: count("valid") + count("created"),
    invalidRows: count("invalid"),
    duplicateRows: count("duplicate"),
    createdRows: count("created"),
    unmappedColumns: [],
    options: null,
    error: null,
    leaseOwner: null,
    leaseUntil: null,
  });
  if (rows.length > 0) {
    await ds.getRepository(ImportRowEntity).insert(
      rows.map((r) => ({
        importId: created.id,
        rowNumber: r.rowNumber,
        data: r.data,
        errors: null,
        state: r.state ?? "valid",
        duplicateOfId: r.duplicateOfId ?? null,
        duplicateOfRow: r.duplicateOfRow ?? null,
        prospectId: r.prospectId ?? null,
      })),
    );
  }
  return created;
}
