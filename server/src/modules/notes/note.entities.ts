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
import { FollowUpStatusEntity } from "../follow-ups/follow-up-status.entity";

/** Action types of a follow-up note (activity). */
export const NOTE_ACTIONS = ["call", "whatsapp", "email", "meeting", "sms", "other"] as const;
export type NoteAction = (typeof NOTE_ACTIONS)[number];

/** The columns both comment tables share: the note, its action and schedule, who and when. */
export abstract class NoteColumns {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "text" })
  comment!: string;

  @Column({ type: "varchar", length: 16, nullable: true })
  action!: NoteAction | null;

  @Column({ name: "scheduled_date", type: "datetime", nullable: true })
  scheduledDate!: Date | null;

  @Column({ name: "created_by", type: "int" })
  createdBy!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "created_by" })
  author?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;

  @Column({ name: "deleted_at", type: "datetime", nullable: true })
  deletedAt!: Date | null;
}

/** Notes on prospects, by prospect_id (prospect_follow_up_comments). */
@Entity({ name: "prospect_follow_up_comments" })
@Index("idx_prospect_comments_prospect_created", ["prospectId", "createdAt"])
@Index("idx_prospect_comments_scheduled", ["scheduledDate"])
export class ProspectNoteEntity extends NoteColumns {
  @Column({ name: "prospect_id", type: "int" })
  prospectId!: number;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ name: "status_id", type: "int", nullable: true })
  statusId!: number | null;

  @ManyToOne(() => FollowUpStatusEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "status_id" })
  status?: Relation<FollowUpStatusEntity>;

}

/** Notes on client companies, by company_id (follow_up_comments). */
@Entity({ name: "follow_up_comments" })
@Index("idx_follow_up_comments_company_created", ["companyId", "createdAt"])
@Index("idx_follow_up_comments_scheduled", ["scheduledDate"])
export class CompanyNoteEntity extends NoteColumns {
  @Column({ name: "company_id", type: "int" })
  companyId!: number;

  @ManyToOne(() => CompanyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "company_id" })
  company?: Relation<CompanyEntity>;

  @Column({ name: "follow_up_status_id", type: "int", nullable: true })
  followUpStatusId!: number | null;

  @ManyToOne(() => FollowUpStatusEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "follow_up_status_id" })
  status?: Relation<FollowUpStatusEntity>;

}
