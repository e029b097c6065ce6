import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { UserEntity } from "../auth/user.entity";
import { LocaleEntity } from "../catalogs/catalog.entities";

/** A company registered on the platform; a Client account links to one. */
@Entity({ name: "companies" })
@Index("idx_companies_executive", ["assignedExecutiveId"])
/** The companies search (company.service.ts): name or tax id prefix, ordered by name. */
@Index("idx_companies_name", ["name"])
@Index("idx_companies_tax_id", ["taxId"])
export class CompanyEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 191 })
  name!: string;

  @Column({ name: "tax_id", type: "varchar", length: 20, nullable: true })
  taxId!: string | null;

  @Column({ name: "locale_id", type: "int", nullable: true })
  localeId!: number | null;

  @ManyToOne(() => LocaleEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "locale_id" })
  locale?: Relation<LocaleEntity>;

  @Column({ name: "assigned_executive_id", type: "int", nullable: true })
  assignedExecutiveId!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: "SET NULL" })
  @JoinColumn({ name: "assigned_executive_id" })
  assignedExecutive?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;
}
