import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { UserEntity } from "./user.entity";

/** An integration token acting as its user, narrowed to its scopes. Only a hash is stored. */
@Entity({ name: "api_tokens" })
@Index("idx_api_tokens_user", ["userId"])
export class ApiTokenEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ name: "user_id", type: "int" })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: Relation<UserEntity>;

  @Column({ type: "varchar", length: 120 })
  name!: string;

  @Index("uq_api_tokens_hash", { unique: true })
  @Column({ name: "token_hash", type: "varchar", length: 64 })
  tokenHash!: string;

  @Column({ type: "simple-json" })
  scopes!: string[];

  @Column({ name: "expires_at", type: "datetime", nullable: true })
  expiresAt!: Date | null;

  @Column({ name: "last_used_at", type: "datetime", nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: "revoked_at", type: "datetime", nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;
}
