import { In, IsNull, type DataSource } from "typeorm";
import { manyByKey } from "../../graphql/loader-helpers";
import { ReminderEntity } from "./reminder.entity";

export function createReminderLoaders(dataSource: DataSource) {
  return {
    remindersByProspectId: manyByKey<number, ReminderEntity>(
      (ids) =>
        dataSource.getRepository(ReminderEntity).find({
          where: { prospectId: In([...ids]), deletedAt: IsNull() },
          order: { dueAt: "ASC", id: "ASC" },
        }),
      (r) => r.prospectId,
    ),
  };
}
