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

/** A to-do on an account (the tasks module's TodoForm). */
@Entity({ name: "reminders" })
@Index("idx_reminders_prospect", ["prospectId"])
@Index("idx_reminders_assignee_due", ["assigneeId", "dueAt"])
@Index("idx_reminders_due", ["dueAt"])
export class ReminderEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "prospect_id", type: "int" })
  prospectId!: number;

  @ManyToOne(() => AccountEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "prospect_id" })
  prospect?: Relation<AccountEntity>;

  @Column({ name: "assignee_id", type: "int" })
  assigneeId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "assignee_id" })
  assignee?: Relation<UserEntity>;

  @Column({ type: "text" })
  text!: string;

  @Column({ name: "due_at", type: "datetime" })
  dueAt!: Date;

  @Column({ name: "completed_at", type: "datetime", nullable: true })
  completedAt!: Date | null;

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
