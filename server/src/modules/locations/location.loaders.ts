import { In, IsNull, type DataSource } from "typeorm";
import { manyByKey } from "../../graphql/loader-helpers";
import { LocationEntity } from "./location.entity";

export function createLocationLoaders(dataSource: DataSource) {
  return {
    locationsByProspectId: manyByKey<number, LocationEntity>(
      (ids) =>
        dataSource.getRepository(LocationEntity).find({
          where: { prospectId: In([...ids]), deletedAt: IsNull() },
          order: { isPrimary: "DESC", id: "ASC" },
        }),
      (l) => l.prospectId ?? 0,
    ),
  };
}
