import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { UserEntity } from "./user.entity";

/** What a permission key stands for: CRM access, a CRM role, or a sales-role key. */
export type PermissionKind = "access" | "role" | "sales_role";

/** A permission key; `legacy_id` keeps the old numeric ids (319 = crm, 147 = crm-manager). */
@Entity({ name: "permissions" })
export class PermissionEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Index("uq_permissions_key", { unique: true })
  @Column({ type: "varchar", length: 64 })
  key!: string;

  @Index("uq_permissions_legacy_id", { unique: true })
  @Column({ name: "legacy_id", type: "int", nullable: true })
  legacyId!: number | null;

  @Column({ type: "varchar", length: 16 })
  kind!: PermissionKind;

  @Column({ type: "varchar", length: 255 })
  description!: string;
}

@Entity({ name: "user_permissions" })
@Index("idx_user_permissions_permission", ["permissionId"])
export class UserPermissionEntity {
  @PrimaryColumn({ name: "user_id", type: "int" })
  userId!: number;

  @PrimaryColumn({ name: "permission_id", type: "int" })
  permissionId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: Relation<UserEntity>;

  @ManyToOne(() => PermissionEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "permission_id" })
  permission?: Relation<PermissionEntity>;
}
