import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from "typeorm";
import { UserEntity } from "../auth/user.entity";

export const TABLE_VIEWS = ["kanban", "list", "calendar"] as const;
export type TableView = (typeof TABLE_VIEWS)[number];

/** Column, filter and sort choices of one user for one view. */
@Entity({ name: "table_preferences" })
@Index("uq_table_preferences_user_view", ["userId", "view"], { unique: true })
export class TablePreferenceEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "user_id", type: "int" })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: Relation<UserEntity>;

  @Column({ type: "varchar", length: 16 })
  view!: TableView;

  @Column({ type: "simple-json" })
  columns!: unknown;

  @Column({ type: "simple-json" })
  filters!: unknown;

  @Column({ type: "simple-json" })
  sort!: unknown;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;
}
