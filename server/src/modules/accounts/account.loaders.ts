import { In, type DataSource } from "typeorm";
import { oneByKey } from "../../graphql/loader-helpers";
import { AccountEntity } from "./account.entity";

/**
 * Accounts by id WITHOUT visibility: only for rows already reached through a visible
 * account or a scoped query (a reminder's account, an email's account).
 */
export function createAccountLoaders(dataSource: DataSource) {
  return {
    accountsById: oneByKey<number, AccountEntity>((ids) => dataSource.getRepository(AccountEntity).findBy({ id: In([...ids]) }), (a) => a.id),
  };
}
