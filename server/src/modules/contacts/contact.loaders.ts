import { In, IsNull, type DataSource } from "typeorm";
import { manyByKey } from "../../graphql/loader-helpers";
import { ContactEntity } from "./contact.entity";

export function createContactLoaders(dataSource: DataSource) {
  return {
    contactsByProspectId: manyByKey<number, ContactEntity>(
      (ids) => dataSource.getRepository(ContactEntity).find({ where: { prospectId: In([...ids]), deletedAt: IsNull() }, order: { id: "ASC" } }),
      (c) => c.prospectId ?? 0,
    ),
  };
}
