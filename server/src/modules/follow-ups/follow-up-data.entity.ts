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
import { ChannelEntity, ContentTypeEntity, EcommerceTypeEntity, WeightRangeEntity } from "../catalogs/catalog.entities";
import { decimalToNumber } from "../../db/transformers";

/** follow_up_data.account_type */
export const ACCOUNT_SIZES = ["individual", "startup", "sme", "enterprise", "corporate"] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];

/** Follow-up metadata of one account: channel, value, shipments, ecommerce, weight, content. */
@Entity({ name: "follow_up_data" })
@Index("uq_follow_up_data_prospect", ["prospectId"], { unique: true })
@Index("idx_follow_up_data_prospect_value", ["prospectId", "accountValue"])
@Index("idx_follow_up_data_company", ["companyId"])
@Index("idx_follow_up_data_ecommerce_type", ["ecommerceTypeId"])
export class FollowUpDataEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "company_id", type: "int", nullable: true })
  companyId!: number | null;

  @ManyToOne(() => CompanyEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "company_id" })
  company?: Relation<CompanyEntity>;

  @Column({ name: "prospect_id", type: "int", nullable: true })
  prospectId!: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ type: "varchar", length: 40, nullable: true })
  channel!: string | null;

  @ManyToOne(() => ChannelEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "channel", referencedColumnName: "key" })
  channelRef?: Relation<ChannelEntity>;

  @Column({ name: "account_value", type: "decimal", precision: 14, scale: 2, nullable: true, transformer: decimalToNumber })
  accountValue!: number | null;

  @Column({ name: "monthly_shipments", type: "int", nullable: true })
  monthlyShipments!: number | null;

  @Column({ name: "ecommerce_type_id", type: "int", nullable: true })
  ecommerceTypeId!: number | null;

  @ManyToOne(() => EcommerceTypeEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "ecommerce_type_id" })
  ecommerceType?: Relation<EcommerceTypeEntity>;

  @Column({ name: "weight_id", type: "int", nullable: true })
  weightId!: number | null;

  @ManyToOne(() => WeightRangeEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "weight_id" })
  weight?: Relation<WeightRangeEntity>;

  @Column({ name: "content_id", type: "int", nullable: true })
  contentId!: number | null;

  @ManyToOne(() => ContentTypeEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "content_id" })
  content?: Relation<ContentTypeEntity>;

  @Column({ name: "account_type", type: "varchar", length: 20, nullable: true })
  accountType!: AccountSize | null;

  @Column({ name: "estimated_close_date", type: "date", nullable: true })
  estimatedCloseDate!: string | null;

  @Column({ type: "text", nullable: true })
  annotations!: string | null;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;
}
