import { Column, Entity, Index } from "typeorm";
import { AccountChildColumns } from "../accounts/account-child.columns";

/** Additional people of an account beyond the primary contact (extra_contacts). */
@Entity({ name: "extra_contacts" })
@Index("idx_extra_contacts_prospect", ["prospectId"])
@Index("idx_extra_contacts_company", ["companyId"])
export class ContactEntity extends AccountChildColumns {
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
}
