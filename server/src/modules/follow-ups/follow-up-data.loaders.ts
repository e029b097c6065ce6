import { In, type DataSource } from "typeorm";
import { oneByKey } from "../../graphql/loader-helpers";
import { FollowUpDataEntity } from "./follow-up-data.entity";

export function createFollowUpDataLoaders(dataSource: DataSource) {
  return {
    followUpDataByProspectId: oneByKey<number, FollowUpDataEntity>(
      (ids) => dataSource.getRepository(FollowUpDataEntity).findBy({ prospectId: In([...ids]) }),
      (f) => f.prospectId ?? 0,
    ),
  };
}
