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

/** Extended data of partner prospects (type 3): URL, rating, social network. */
@Entity({ name: "partner_follow_up_data" })
@Index("uq_partner_follow_up_data_prospect", ["prospectId"], { unique: true })
export class PartnerDataEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "prospect_id", type: "int" })
  prospectId!: number;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ type: "varchar", length: 255, nullable: true })
  url!: string | null;

  /** 1 to 5. */
  @Column({ type: "tinyint", nullable: true })
  rating!: number | null;

  @Column({ name: "social_network", type: "varchar", length: 255, nullable: true })
  socialNetwork!: string | null;

  @Column({ type: "text", nullable: true })
  comments!: string | null;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;
}
