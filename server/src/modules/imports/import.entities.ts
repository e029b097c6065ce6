import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from "typeorm";
import { AccountEntity } from "../accounts/account.entity";
import { UserEntity } from "../auth/user.entity";

export type ImportStatus = "validating" | "validated" | "committing" | "committed" | "failed";

/** A CSV bulk import: validated first, committed on request. */
@Entity({ name: "imports" })
@Index("idx_imports_user_created", ["userId", "createdAt"])
export class ImportEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "user_id", type: "int" })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "user_id" })
  user?: Relation<UserEntity>;

  @Column({ type: "varchar", length: 255 })
  filename!: string;

  @Column({ type: "varchar", length: 16 })
  status!: ImportStatus;

  @Column({ name: "total_rows", type: "int", default: 0 })
  totalRows!: number;

  @Column({ name: "processed_rows", type: "int", default: 0 })
  processedRows!: number;

  @Column({ name: "valid_rows", type: "int", default: 0 })
  validRows!: number;

  @Column({ name: "invalid_rows", type: "int", default: 0 })
  invalidRows!: number;

  @Column({ name: "duplicate_rows", type: "int", default: 0 })
  duplicateRows!: number;

  @Column({ name: "created_rows", type: "int", default: 0 })
  createdRows!: number;

  @Column({ type: "simple-json", nullable: true })
  options!: unknown;

  @Column({ type: "text", nullable: true })
  error!: string | null;

  /** Columns of the file that map to nothing (ignored), as written in its header. */
  @Column({ name: "unmapped_columns", type: "simple-json", nullable: true })
  unmappedColumns!: string[] | null;

  /** The process working on it (validation or commit) and until when its claim holds. */
  @Column({ name: "lease_owner", type: "varchar", length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: "lease_until", type: "datetime", nullable: true })
  leaseUntil!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;
}

export type ImportRowState = "valid" | "invalid" | "duplicate" | "created" | "skipped";

/** One data row of an import, its problems and, once committed, the account it became. */
@Entity({ name: "import_rows" })
@Index("uq_import_rows_import_row", ["importId", "rowNumber"], { unique: true })
@Index("idx_import_rows_import_state", ["importId", "state"])
@Index("idx_import_rows_import_prospect", ["importId", "prospectId"])
export class ImportRowEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "import_id", type: "int" })
  importId!: number;

  @ManyToOne(() => ImportEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "import_id" })
  import?: Relation<ImportEntity>;

  @Column({ name: "row_number", type: "int" })
  rowNumber!: number;

  @Column({ type: "simple-json" })
  data!: Record<string, string>;

  @Column({ type: "simple-json", nullable: true })
  errors!: Array<{ column: string | null; message: string }> | null;

  @Column({ type: "varchar", length: 16 })
  state!: ImportRowState;

  /** The existing account this row duplicates. */
  @Column({ name: "duplicate_of_id", type: "int", nullable: true })
  duplicateOfId!: number | null;

  /** The earlier row of the same file this row duplicates. */
  @Column({ name: "duplicate_of_row", type: "int", nullable: true })
  duplicateOfRow!: number | null;

  @Column({ name: "prospect_id", type: "int", nullable: true })
  prospectId!: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: "SET NULL" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;
}
