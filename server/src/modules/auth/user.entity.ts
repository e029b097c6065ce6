import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** A person who signs in: sales executives, managers, admins. */
@Entity({ name: "users" })
export class UserEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Index("uq_users_email", { unique: true })
  @Column({ type: "varchar", length: 191 })
  email!: string;

  @Column({ type: "varchar", length: 191 })
  name!: string;

  @Column({ name: "password_hash", type: "varchar", length: 100 })
  passwordHash!: string;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "datetime" })
  updatedAt!: Date;
}
