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
import { CompanyEntity } from "../accounts/company.entity";
import { UserEntity } from "../auth/user.entity";

export const LOCATION_KINDS = ["office", "warehouse", "branch", "headquarters", "distribution_center"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** A physical address of an account, with Mexican address fields (company_locations). */
@Entity({ name: "company_locations" })
@Index("idx_company_locations_prospect", ["prospectId"])
@Index("idx_company_locations_company", ["companyId"])
export class LocationEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "prospect_id", type: "int", nullable: true })
  prospectId!: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ name: "company_id", type: "int", nullable: true })
  companyId!: number | null;

  @ManyToOne(() => CompanyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "company_id" })
  company?: Relation<CompanyEntity>;

  @Column({ type: "varchar", length: 24 })
  kind!: LocationKind;

  @Column({ type: "varchar", length: 120, nullable: true })
  name!: string | null;

  @Column({ type: "varchar", length: 191 })
  street!: string;

  @Column({ name: "exterior_number", type: "varchar", length: 20, nullable: true })
  exteriorNumber!: string | null;

  @Column({ name: "interior_number", type: "varchar", length: 20, nullable: true })
  interiorNumber!: string | null;

  /** Colonia. */
  @Column({ type: "varchar", length: 120, nullable: true })
  neighborhood!: string | null;

  @Column({ type: "varchar", length: 120 })
  city!: string;

  @Column({ type: "varchar", length: 120 })
  state!: string;

  @Column({ name: "postal_code", type: "varchar", length: 10 })
  postalCode!: string;

  @Column({ type: "varchar", length: 2, default: "MX" })
  country!: string;

  @Column({ name: "is_primary", type: "boolean", default: false })
  isPrimary!: boolean;

  @Column({ name: "created_by", type: "int" })
  createdBy!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "created_by" })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;

  @Column({ name: "deleted_at", type: "datetime", nullable: true })
  deletedAt!: Date | null;
}
