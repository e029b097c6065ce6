import { In, type DataSource } from "typeorm";
import { manyByKey } from "../../graphql/loader-helpers";
import { SentEmailEntity } from "./sent-email.entity";

export function createEmailLoaders(dataSource: DataSource) {
  return {
    sentEmailsByProspectId: manyByKey<number, SentEmailEntity>(
      (ids) => dataSource.getRepository(SentEmailEntity).find({ where: { prospectId: In([...ids]) }, order: { createdAt: "DESC", id: "DESC" } }),
      (e) => e.prospectId,
    ),
  };
}
