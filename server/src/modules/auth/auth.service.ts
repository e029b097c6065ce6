import { createHash, randomBytes } from "node:crypto";
import { compare } from "bcryptjs";
import type { DataSource } from "typeorm";
import { UnauthenticatedError } from "../../graphql/errors";
import { PermissionEntity, UserPermissionEntity } from "./permission.entity";
import { SessionEntity } from "./session.entity";
import { UserEntity } from "./user.entity";
import { Viewer } from "./viewer";

/** SHA-256 of a secret: sessions and API tokens are stored hashed only. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

/** Sign-in, sessions stored server-side, and who a request is. */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionTtlHours: number,
  ) {}

  /** Checks the password and opens a session; the same error for unknown email or wrong password. */
  async login(email: string, password: string): Promise<NewSession> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder("u")
      .where("LOWER(u.email) = LOWER(:email)", { email: email.trim() })
      .getOne();
    const valid = user !== null && user.active && (await compare(password, user.passwordHash));
    if (!valid || !user) {
      throw new UnauthenticatedError("Email or password is incorrect");
    }
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3600_000);
    const sessions = this.dataSource.getRepository(SessionEntity);
    await sessions.insert({ tokenHash: hashSecret(token), userId: user.id, expiresAt });
    // Expired sessions of this user are dead weight: drop them while we are here.
    await sessions.createQueryBuilder().delete().where("user_id = :userId AND expires_at <= :now", { userId: user.id, now: new Date() }).execute();
    return { token, expiresAt, user };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: hashSecret(token) });
  }

  /** The viewer of a session cookie, in one statement; null when expired, unknown or deactivated. */
  async viewerForSession(token: string): Promise<Viewer | null> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select(["u.id AS id", "u.email AS email", "u.name AS name"])
      .addSelect("GROUP_CONCAT(p.key)", "permissions")
      .from(SessionEntity, "s")
      .innerJoin(UserEntity, "u", "u.id = s.user_id")
      .leftJoin(UserPermissionEntity, "up", "up.user_id = u.id")
      .leftJoin(PermissionEntity, "p", "p.id = up.permission_id")
      .where("s.token_hash = :hash", { hash: hashSecret(token) })
      .andWhere("s.expires_at > :now", { now: new Date() })
      .andWhere("u.active = :active", { active: true })
      .groupBy("u.id")
      .addGroupBy("u.email")
      .addGroupBy("u.name")
      .getRawOne<{ id: number; email: string; name: string; permissions: string | null }>();
    if (!row) {
      return null;
    }
    const permissions = row.permissions ? row.permissions.split(",") : [];
    return new Viewer(Number(row.id), row.email, row.name, permissions);
  }
}
