import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { UserEntity } from "./user.entity";

/** A signed-in browser session. Only the SHA-256 of the cookie value is stored. */
@Entity({ name: "sessions" })
@Index("idx_sessions_user", ["userId"])
export class SessionEntity {
  @PrimaryColumn({ name: "token_hash", type: "varchar", length: 64 })
  tokenHash!: string;

  @Column({ name: "user_id", type: "int" })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "datetime" })
  expiresAt!: Date;
}
