import { In, type DataSource } from "typeorm";
import { oneByKey } from "../../graphql/loader-helpers";
import { PartnerDataEntity } from "./partner-data.entity";

export function createPartnerDataLoaders(dataSource: DataSource) {
  return {
    partnerDataByProspectId: oneByKey<number, PartnerDataEntity>(
      (ids) => dataSource.getRepository(PartnerDataEntity).findBy({ prospectId: In([...ids]) }),
      (p) => p.prospectId,
    ),
  };
}
