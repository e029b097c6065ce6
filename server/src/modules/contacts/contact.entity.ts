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

/** Additional people of an account beyond the primary contact (extra_contacts). */
@Entity({ name: "extra_contacts" })
@Index("idx_extra_contacts_prospect", ["prospectId"])
@Index("idx_extra_contacts_company", ["companyId"])
export class ContactEntity {
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

  @Column({ type: "varchar", length: 191 })
  name!: string;

  @Column({ type: "varchar", length: 191, nullable: true })
  email!: string | null;

  @Column({ name: "phone_code", type: "varchar", length: 6, nullable: true })
  phoneCode!: string | null;

  @Column({ type: "varchar", length: 20, nullable: true })
  phone!: string | null;

  @Column({ name: "job_title", type: "varchar", length: 120, nullable: true })
  jobTitle!: string | null;

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
