import { In, type DataSource } from "typeorm";
import { oneByKey } from "../../graphql/loader-helpers";
import { CompanyEntity } from "./company.entity";

export function createCompanyLoaders(dataSource: DataSource) {
  return {
    companiesById: oneByKey<number, CompanyEntity>((ids) => dataSource.getRepository(CompanyEntity).findBy({ id: In([...ids]) }), (c) => c.id),
  };
}
