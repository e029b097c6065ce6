import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { manyByKey, oneByKey } from "../../graphql/loader-helpers";
import { PermissionEntity, UserPermissionEntity } from "./permission.entity";
import { UserEntity } from "./user.entity";

export function createUserLoaders(dataSource: DataSource) {
  return {
    usersById: oneByKey<number, UserEntity>((ids) => dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) }), (u) => u.id),
    permissionKeysByUserId: manyByKey<number, { userId: number; key: string }>(
      (ids) =>
        dataSource
          .createQueryBuilder()
          .select("up.user_id", "userId")
          .addSelect("p.key", "key")
          .from(UserPermissionEntity, "up")
          .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
          .where("up.user_id IN (:...ids)", { ids })
          .orderBy("p.key")
          .getRawMany<{ userId: number; key: string }>()
          .then((rows) => rows.map((r) => ({ userId: Number(r.userId), key: r.key }))),
      (row) => row.userId,
    ),
  };
}
