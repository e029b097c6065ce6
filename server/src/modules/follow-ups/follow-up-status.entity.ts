import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";

/** Outcome a status records when an account reaches it. */
export type StatusOutcome = "won" | "lost";

/**
 * The follow-up status catalog. Rows without a parent are groups ("New", "Contacted", …);
 * rows with a parent are the statuses, which are the Kanban columns.
 */
@Entity({ name: "catalog_follow_up_statuses" })
@Index("idx_catalog_follow_up_statuses_parent", ["parentId", "position"])
export class FollowUpStatusEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "parent_id", type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => FollowUpStatusEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id" })
  parent?: Relation<FollowUpStatusEntity>;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "int" })
  position!: number;

  @Column({ type: "varchar", length: 7 })
  color!: string;

  @Column({ type: "varchar", length: 8, nullable: true })
  outcome!: StatusOutcome | null;

  @Column({ type: "boolean", default: true })
  active!: boolean;
}
