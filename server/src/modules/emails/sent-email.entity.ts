import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { AccountEntity } from "../accounts/account.entity";
import { UserEntity } from "../auth/user.entity";
import { ContactEntity } from "../contacts/contact.entity";

export type SentEmailStatus = "queued" | "sent" | "failed" | "dev_outbox";

/** An email sent from the side panel; kept whatever its fate. */
@Entity({ name: "sent_emails" })
@Index("idx_sent_emails_prospect_created", ["prospectId", "createdAt"])
export class SentEmailEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "prospect_id", type: "int" })
  prospectId!: number;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ name: "contact_id", type: "int", nullable: true })
  contactId!: number | null;

  @ManyToOne(() => ContactEntity, { onDelete: "SET NULL" })
  @JoinColumn({ name: "contact_id" })
  contact?: Relation<ContactEntity>;

  @Column({ name: "to_address", type: "varchar", length: 191 })
  toAddress!: string;

  @Column({ type: "varchar", length: 255 })
  subject!: string;

  @Column({ type: "text" })
  body!: string;

  @Column({ type: "varchar", length: 16 })
  status!: SentEmailStatus;

  @Column({ type: "text", nullable: true })
  error!: string | null;

  @Column({ name: "message_id", type: "varchar", length: 255, nullable: true })
  messageId!: string | null;

  @Column({ name: "sent_by", type: "int" })
  sentBy!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "sent_by" })
  sender?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @Column({ name: "sent_at", type: "datetime", nullable: true })
  sentAt!: Date | null;
}
