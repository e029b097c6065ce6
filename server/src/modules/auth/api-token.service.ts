import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { ForbiddenError, NotFoundError, UserInputError } from "../../graphql/errors";
import { ApiTokenEntity } from "./api-token.entity";
import { ApiTokenScope, type CreateApiTokenInput } from "./api-token.types";
import { hashSecret } from "./auth.service";
import type { Viewer } from "./viewer";

/** API tokens: created with the secret shown once, listed, revoked. */
export class ApiTokenService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new token of the viewer; the admin scope only for admins. */
  async create(viewer: Viewer, input: CreateApiTokenInput): Promise<{ token: ApiTokenEntity; secret: string }> {
    const name = input.name.trim();
    if (!name) {
      throw new UserInputError({ name: "is required" });
    }
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new UserInputError({ expiresAt: "must be in the future" });
    }
    if (input.scopes.includes(ApiTokenScope.ADMIN) && !viewer.has("admin")) {
      throw new ForbiddenError("Only admins can create tokens with the ADMIN scope");
    }
    const secret = `crm_${randomBytes(32).toString("base64url")}`;
    const repo = this.dataSource.getRepository(ApiTokenEntity);
    const token = await repo.save(
      repo.create({ userId: viewer.id, name, tokenHash: hashSecret(secret), scopes: [...input.scopes].sort(), expiresAt: input.expiresAt ?? null, lastUsedAt: null, revokedAt: null }),
    );
    return { token, secret };
  }

  /** The viewer's tokens; an admin without `userId` sees everyone's. Newest first. */
  async list(viewer: Viewer, userId: number | null): Promise<ApiTokenEntity[]> {
    const qb = this.dataSource.getRepository(ApiTokenEntity).createQueryBuilder("t").orderBy("t.created_at", "DESC").addOrderBy("t.id", "DESC");
    const owner = userId ?? (viewer.has("admin") ? null : viewer.id);
    if (owner !== null) {
      if (owner !== viewer.id && !viewer.has("admin")) {
        throw new ForbiddenError("Only admins can list other users' tokens");
      }
      qb.where("t.user_id = :owner", { owner });
    }
    return qb.getMany();
  }

  /** Revokes at once (the next request with it is UNAUTHENTICATED); others' tokens need admin. */
  async revoke(viewer: Viewer, id: number): Promise<ApiTokenEntity> {
    const repo = this.dataSource.getRepository(ApiTokenEntity);
    const token = await repo.findOneBy({ id });
    if (!token || (token.userId !== viewer.id && !viewer.has("admin"))) {
      throw new NotFoundError("API token", id);
    }
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await repo.update(token.id, { revokedAt: token.revokedAt });
    }
    return token;
  }
}
