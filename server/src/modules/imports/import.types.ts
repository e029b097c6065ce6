import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";

export enum CsvImportStatus {
  VALIDATING = "validating",
  VALIDATED = "validated",
  COMMITTING = "committing",
  COMMITTED = "committed",
  FAILED = "failed",
}
registerEnumType(CsvImportStatus, { name: "CsvImportStatus", description: "validating → validated → committing → committed; failed when the file could not be processed" });

export enum CsvImportRowState {
  VALID = "valid",
  INVALID = "invalid",
  DUPLICATE = "duplicate",
  CREATED = "created",
}
registerEnumType(CsvImportRowState, { name: "CsvImportRowState", description: "What the validation (and the commit) made of a row" });

@ObjectType({ description: "A CSV import of prospects: uploaded to POST /api/imports, validated, then committed with commitImport" })
export class CsvImport {
  @Field(() => ID) id!: string;
  @Field(() => String) filename!: string;
  @Field(() => CsvImportStatus) status!: CsvImportStatus;
  @Field(() => Int, { description: "Data rows of the file (blank lines not counted)" }) totalRows!: number;
  @Field(() => Int, { description: "Rows handled so far by the running validation or commit (progress: processedRows / totalRows)" }) processedRows!: number;
  @Field(() => Int, { description: "Rows that pass every rule and duplicate nothing (created ones included once committed)" }) validRows!: number;
  @Field(() => Int) invalidRows!: number;
  @Field(() => Int, { description: "Rows that duplicate an existing account or an earlier row of the file" }) duplicateRows!: number;
  @Field(() => Int, { description: "Prospects the commit created" }) createdRows!: number;
  @Field(() => [String], { description: "Header cells that map to no column, or repeat one already mapped (their values are ignored)" }) unmappedColumns!: string[];
  @Field(() => String, { nullable: true, description: "Why the import failed" }) error!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType({ description: "One problem of a row" })
export class CsvImportRowError {
  @Field(() => String, { nullable: true, description: "The template column (name, company_name, email, …); null for the row as a whole" }) column!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType({ description: "What a duplicate row repeats: an earlier row of the file or an existing account" })
export class CsvImportDuplicate {
  @Field(() => Int, { nullable: true, description: "The earlier row of the same file" }) row!: number | null;
  @Field(() => Boolean, { description: "True when an existing account has the same email, phone or company name" }) accountExists!: boolean;
  @Field(() => ID, { nullable: true, description: "That account, only when you may see it" }) accountId!: string | null;
}

@ObjectType({ description: "A cell of a row under its template column" })
export class CsvImportCell {
  @Field(() => String) column!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: "One data row of an import" })
export class CsvImportRow {
  @Field(() => Int, { description: "Row number as a spreadsheet shows it (the header is row 1)" }) rowNumber!: number;
  @Field(() => CsvImportRowState) state!: CsvImportRowState;
  @Field(() => [CsvImportCell], { description: "The mapped cells" }) values!: CsvImportCell[];
  @Field(() => [CsvImportRowError]) errors!: CsvImportRowError[];
  @Field(() => CsvImportDuplicate, { nullable: true }) duplicateOf!: CsvImportDuplicate | null;
  @Field(() => ID, { nullable: true, description: "The prospect created from this row, when you may see it" }) prospectId!: string | null;
}

@ObjectType()
export class CsvImportRowEdge {
  @Field(() => String) cursor!: string;
  @Field(() => CsvImportRow) node!: CsvImportRow;
}

@ObjectType({ description: "A page of an import's rows, by row number" })
export class CsvImportRowConnection {
  @Field(() => [CsvImportRowEdge]) edges!: CsvImportRowEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: "Rows in the given states" }) totalCount!: number;
}

@ObjectType()
export class CsvImportEdge {
  @Field(() => String) cursor!: string;
  @Field(() => CsvImport) node!: CsvImport;
}

@ObjectType({ description: "Imports, newest first" })
export class CsvImportConnection {
  @Field(() => [CsvImportEdge]) edges!: CsvImportEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType({ description: "Create the prospects of a validated import" })
export class CommitImportInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { defaultValue: true, description: "Skip invalid rows; false refuses the commit while any row is invalid" }) skipInvalid!: boolean;
  @Field(() => Boolean, { defaultValue: true, description: "Skip rows duplicating an account or an earlier row (re-checked at commit); false creates them too" })
  skipDuplicates!: boolean;
  @Field(() => ID, { nullable: true, description: "Executive of the new prospects; defaults to you; someone else needs crm-edit-salesman-prospect" }) salesmanId?: string | null;
  @Field(() => Int, { nullable: true, description: "Status of rows without one; defaults to the first Kanban column" }) followUpStatusId?: number | null;
}
