import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from "typeorm";
import { UserEntity } from "../auth/user.entity";
import { LocaleEntity, MonthlyShipmentRangeEntity } from "../catalogs/catalog.entities";
import { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";
import { CompanyEntity } from "./company.entity";

/** prospection_users.type */
export const AccountTypeCode = { prospect: 1, client: 2, partnerProspect: 3 } as const;
export type AccountTypeCode = (typeof AccountTypeCode)[keyof typeof AccountTypeCode];

/** prospection_users.status */
export const AccountStatusCode = { removed: 0, inProcess: 1, registered: 2 } as const;
export type AccountStatusCode = (typeof AccountStatusCode)[keyof typeof AccountStatusCode];

/** A prospect, partner prospect or client: one row of prospection_users. */
@Entity({ name: "prospection_users" })
@Index("idx_prospection_users_follow_up_status", ["followUpId", "status"])
/** The Kanban's first N cards of a column (board.service.ts firstCards): follow_up_id = ? ORDER BY updated_at DESC, id DESC LIMIT n. */
@Index("idx_prospection_users_follow_up_updated", ["followUpId", "updatedAt"])
@Index("idx_prospection_users_created_by", ["createdBy"])
@Index("idx_prospection_users_salesman", ["salesmanId"])
@Index("idx_prospection_users_company", ["companyId"])
@Index("idx_prospection_users_created_at", ["createdAt"])
/**
 * The search (account.service.ts seek): one branch per column, `col LIKE 'prefix%' AND status IN
 * (…) ORDER BY created_at DESC LIMIT n`, read from these indexes alone (no table row per match).
 */
@Index("idx_prospection_users_name_search", ["name", "status", "createdAt"])
@Index("idx_prospection_users_company_name_search", ["companyName", "status", "createdAt"])
@Index("idx_prospection_users_company_name_key", ["companyNameKey"])
@Index("idx_prospection_users_email_search", ["email", "status", "createdAt"])
@Index("idx_prospection_users_phone_search", ["phone", "status", "createdAt"])
export class AccountEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 191 })
  name!: string;

  @Column({ name: "company_name", type: "varchar", length: 191 })
  companyName!: string;

  /** companyName folded for duplicate checks (company-name-key.ts); kept in step by a subscriber. */
  @Column({ name: "company_name_key", type: "varchar", length: 191, nullable: true })
  companyNameKey!: string | null;

  @Column({ type: "varchar", length: 191, nullable: true })
  email!: string | null;

  @Column({ name: "phone_code", type: "varchar", length: 6, nullable: true })
  phoneCode!: string | null;

  @Column({ type: "varchar", length: 20, nullable: true })
  phone!: string | null;

  @Column({ name: "company_id", type: "int", nullable: true })
  companyId!: number | null;

  @ManyToOne(() => CompanyEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "company_id" })
  company?: Relation<CompanyEntity>;

  @Column({ name: "follow_up_id", type: "int" })
  followUpId!: number;

  @ManyToOne(() => FollowUpStatusEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "follow_up_id" })
  followUpStatus?: Relation<FollowUpStatusEntity>;

  @Column({ name: "locale_id", type: "int" })
  localeId!: number;

  @ManyToOne(() => LocaleEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "locale_id" })
  locale?: Relation<LocaleEntity>;

  @Column({ name: "monthly_shipment_id", type: "int", nullable: true })
  monthlyShipmentId!: number | null;

  @ManyToOne(() => MonthlyShipmentRangeEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "monthly_shipment_id" })
  monthlyShipment?: Relation<MonthlyShipmentRangeEntity>;

  /** 1 = prospect, 2 = client, 3 = partner prospect */
  @Column({ type: "tinyint" })
  type!: AccountTypeCode;

  /** 0 = removed, 1 = in process, 2 = registered */
  @Column({ type: "tinyint", default: AccountStatusCode.inProcess })
  status!: AccountStatusCode;

  @Column({ name: "created_by", type: "int" })
  createdBy!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "created_by" })
  creator?: Relation<UserEntity>;

  @Column({ name: "salesman_id", type: "int", nullable: true })
  salesmanId!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: "SET NULL" })
  @JoinColumn({ name: "salesman_id" })
  salesman?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;

  /** Optimistic concurrency: an update must name the version it read. */
  @VersionColumn({ type: "int", default: 1 })
  version!: number;
}
