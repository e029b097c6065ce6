import { hash } from "bcryptjs";
import { type DataSource, type EntityManager, In, IsNull } from "typeorm";
import { isUniqueViolation } from "../../db/unique-violation";
import { decodeCursor, encodeCursor, keysetPage, pageSize } from "../../graphql/connection";
import { ConflictError, NotFoundError, UserInputError } from "../../graphql/errors";
import { ApiTokenEntity } from "../auth/api-token.entity";
import { PermissionEntity, UserPermissionEntity } from "../auth/permission.entity";
import { PERMISSIONS } from "../auth/permission-keys";
import { SessionEntity } from "../auth/session.entity";
import { UserEntity } from "../auth/user.entity";
import type { Viewer } from "../auth/viewer";
import type { CreateUserInput, CrmRole, UserFilter } from "./user-admin.types";

const GRANTABLE = new Set(PERMISSIONS.filter((p) => p.kind !== "role").map((p) => p.key));

export interface UserPage {
  edges: Array<{ cursor: string; node: UserEntity }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Admin: users, their role and permission keys, activation and passwords. Admin-only (permissions.ts). */
export class UserAdminService {
  constructor(private readonly dataSource: DataSource) {}

  /** Users by name, filtered by a name/email prefix and activity. */
  async list(filter: UserFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<UserPage> {
    const size = pageSize(first);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder("u");
    const search = filter?.search?.trim();
    if (search) {
      const prefix = `${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere("(u.name LIKE :prefix ESCAPE '!' OR u.email LIKE :prefix ESCAPE '!')", { prefix });
    }
    if (typeof filter?.active === "boolean") {
      qb.andWhere("u.active = :active", { active: filter.active });
    }
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [name, id] = decodeCursor(after);
      if (typeof name !== "string" || typeof id !== "number") {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      qb.andWhere("(u.name > :name OR (u.name = :name AND u.id > :id))", { name, id });
    }
    const rows = await qb.orderBy("u.name", "ASC").addOrderBy("u.id", "ASC").limit(size + 1).getMany();
    return { ...keysetPage(rows, size, after, (node) => encodeCursor([node.name, node.id])), totalCount };
  }

  async create(input: CreateUserInput): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    const name = input.name.trim();
    if (!name) {
      throw new UserInputError({ name: "is required" });
    }
    const keys = this.keysOf(input.role ?? null, input.permissions);
    const passwordHash = await hash(input.password, 10);
    const emailTaken = () => new ConflictError("A user with this email already exists", { fields: { email: "is already in use" } });
    try {
      return await this.dataSource.transaction(async (m) => {
        const taken = await m.getRepository(UserEntity).createQueryBuilder("u").where("LOWER(u.email) = :email", { email }).getCount();
        if (taken > 0) {
          throw emailTaken();
        }
        const user = await m.getRepository(UserEntity).save({ email, name, passwordHash, active: true });
        await this.replacePermissions(m, user.id, keys);
        return user;
      });
    } catch (error) {
      // Two admins creating the same email at once: the unique index stops the second insert.
      throw isUniqueViolation(error) ? emailTaken() : error;
    }
  }

  /** Replaces the role and permission keys; an admin cannot take admin away from themselves. */
  async setPermissions(viewer: Viewer, userId: number, role: CrmRole | null, permissions: string[]): Promise<UserEntity> {
    const keys = this.keysOf(role, permissions);
    if (userId === viewer.id && !keys.includes("admin")) {
      throw new UserInputError({ permissions: "you cannot remove your own admin permission" });
    }
    return this.dataSource.transaction(async (m) => {
      const user = await this.find(m, userId);
      await this.replacePermissions(m, user.id, keys);
      return user;
    });
  }

  /** Deactivates: sessions end and tokens are revoked in the same transaction. */
  async setActive(viewer: Viewer, userId: number, active: boolean): Promise<UserEntity> {
    if (!active && userId === viewer.id) {
      throw new UserInputError({ userId: "you cannot deactivate yourself" });
    }
    return this.dataSource.transaction(async (m) => {
      const user = await this.find(m, userId);
      await m.getRepository(UserEntity).update(user.id, { active });
      if (!active) {
        await m.getRepository(SessionEntity).delete({ userId: user.id });
        await m.getRepository(ApiTokenEntity).update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      return { ...user, active };
    });
  }

  /** Sets a new password and ends the user's sessions. */
  async resetPassword(userId: number, password: string): Promise<UserEntity> {
    const passwordHash = await hash(password, 10);
    return this.dataSource.transaction(async (m) => {
      const user = await this.find(m, userId);
      await m.getRepository(UserEntity).update(user.id, { passwordHash });
      await m.getRepository(SessionEntity).delete({ userId: user.id });
      return user;
    });
  }

  private async find(m: EntityManager, userId: number): Promise<UserEntity> {
    const user = await m.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) {
      throw new NotFoundError("User", userId);
    }
    return user;
  }

  private keysOf(role: CrmRole | null, permissions: string[]): string[] {
    const unknown = permissions.filter((key) => !GRANTABLE.has(key));
    if (unknown.length > 0) {
      throw new UserInputError({ permissions: `unknown or not grantable here: ${unknown.join(", ")} (roles go in role)` });
    }
    return [...new Set([...permissions, ...(role ? [role] : [])])];
  }

  private async replacePermissions(m: EntityManager, userId: number, keys: string[]): Promise<void> {
    await m.getRepository(UserPermissionEntity).delete({ userId });
    if (keys.length === 0) {
      return;
    }
    const rows = await m.getRepository(PermissionEntity).findBy({ key: In(keys) });
    await m.getRepository(UserPermissionEntity).insert(rows.map((p) => ({ userId, permissionId: p.id })));
  }
}
