import { createHash, randomBytes } from "node:crypto";
import { compare } from "bcryptjs";
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { UnauthenticatedError } from "../../graphql/errors";
import { ApiTokenEntity } from "./api-token.entity";
import { PermissionEntity, UserPermissionEntity } from "./permission.entity";
import type { RateLimits } from "./rate-limits";
import { SessionEntity } from "./session.entity";
import { UserEntity } from "./user.entity";
import { TOKEN_SCOPES, Viewer, type TokenScope } from "./viewer";

/** SHA-256 of a secret: sessions and API tokens are stored hashed only. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

interface UserKeysRow {
  id: number;
  email: string;
  name: string;
  permissions: string | null;
}

/**
 * Joins the active user of `userIdColumn` and their permission keys (GROUP_CONCAT) to a
 * session or token query, so a request's viewer is one statement whichever way it signed in.
 */
function activeUserWithKeys<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, userIdColumn: string): SelectQueryBuilder<T> {
  return qb
    .select(["u.id AS id", "u.email AS email", "u.name AS name"])
    .addSelect("GROUP_CONCAT(p.key)", "permissions")
    .innerJoin(UserEntity, "u", `u.id = ${userIdColumn}`)
    .leftJoin(UserPermissionEntity, "up", "up.user_id = u.id")
    .leftJoin(PermissionEntity, "p", "p.id = up.permission_id")
    .where("u.active = :active", { active: true })
    .groupBy("u.id")
    .addGroupBy("u.email")
    .addGroupBy("u.name");
}

/** A raw datetime column: a Date from MySQL, UTC text ("2026-01-31 12:00:00.000") from SQLite. */
function lastUsedTime(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}

function keysOf(row: UserKeysRow): string[] {
  return row.permissions ? row.permissions.split(",") : [];
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
    private readonly limits: RateLimits,
  ) {}

  /**
   * Checks the password and opens a session; the same error for unknown email or wrong
   * password. After LOGIN_MAX_FAILURES failures for this email from this IP: RATE_LIMITED.
   */
  async login(email: string, password: string, ip: string): Promise<NewSession> {
    await this.limits.assertLoginAllowed(email, ip);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder("u")
      .where("LOWER(u.email) = LOWER(:email)", { email: email.trim() })
      .getOne();
    const valid = user !== null && user.active && (await compare(password, user.passwordHash));
    if (!valid || !user) {
      await this.limits.loginFailed(email, ip);
      throw new UnauthenticatedError("Email or password is incorrect");
    }
    await this.limits.loginSucceeded(email, ip);
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
    const row = await activeUserWithKeys(this.dataSource.createQueryBuilder().from(SessionEntity, "s"), "s.user_id")
      .andWhere("s.token_hash = :hash", { hash: hashSecret(token) })
      .andWhere("s.expires_at > :now", { now: new Date() })
      .getRawOne<UserKeysRow>();
    if (!row) {
      return null;
    }
    return new Viewer(Number(row.id), row.email, row.name, keysOf(row));
  }

  /** The viewer of an active user by id (a signed export link), in one statement; null when unknown or deactivated. */
  async viewerForUser(userId: number): Promise<Viewer | null> {
    const row = await activeUserWithKeys(this.dataSource.createQueryBuilder().from(UserEntity, "x"), "x.id")
      .andWhere("x.id = :userId", { userId })
      .getRawOne<UserKeysRow>();
    return row ? new Viewer(Number(row.id), row.email, row.name, keysOf(row)) : null;
  }

  /**
   * The viewer of an API token secret, narrowed to the token's scopes, in one statement;
   * null when unknown, revoked, expired or the user is deactivated. Read on every request
   * (no cache), so a revocation takes effect with the next request.
   */
  async viewerForToken(secret: string): Promise<Viewer | null> {
    const now = new Date();
    const row = await activeUserWithKeys(this.dataSource.createQueryBuilder().from(ApiTokenEntity, "t"), "t.user_id")
      .addSelect(["t.id AS tokenId", "t.scopes AS scopes", "t.last_used_at AS lastUsedAt"])
      .andWhere("t.token_hash = :hash", { hash: hashSecret(secret) })
      .andWhere("t.revoked_at IS NULL")
      .andWhere("(t.expires_at IS NULL OR t.expires_at > :now)", { now })
      .addGroupBy("t.id")
      .addGroupBy("t.scopes")
      .addGroupBy("t.last_used_at")
      .getRawOne<UserKeysRow & { tokenId: number; scopes: string; lastUsedAt: Date | string | null }>();
    if (!row) {
      return null;
    }
    // Minute precision is enough for "last used": the write (and its round trip) happens at most
    // once a minute per token, not on every request; the WHERE keeps concurrent requests to one write.
    const staleBefore = new Date(now.getTime() - 60_000);
    if (row.lastUsedAt === null || !(lastUsedTime(row.lastUsedAt) >= staleBefore.getTime())) {
      await this.dataSource
        .createQueryBuilder()
        .update(ApiTokenEntity)
        .set({ lastUsedAt: now })
        .where("id = :id AND (last_used_at IS NULL OR last_used_at < :staleBefore)", { id: row.tokenId, staleBefore })
        .execute();
    }
    const scopes = (JSON.parse(row.scopes) as string[]).filter((s): s is TokenScope => TOKEN_SCOPES.includes(s as TokenScope));
    return new Viewer(Number(row.id), row.email, row.name, keysOf(row), new Set(scopes), Number(row.tokenId));
  }
}
