import type { DataSource } from "typeorm";
import type { Env } from "../config/env";
import { AccountService } from "../modules/accounts/account.service";
import { AuthService } from "../modules/auth/auth.service";
import { CatalogService } from "../modules/catalogs/catalog.service";

/** Process-wide services: stateless apart from the DataSource and the catalog cache. */
export function createServices(dataSource: DataSource, config: Pick<Env, "SESSION_TTL_HOURS">) {
  return {
    auth: new AuthService(dataSource, config.SESSION_TTL_HOURS),
    accounts: new AccountService(dataSource),
    catalogs: new CatalogService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
